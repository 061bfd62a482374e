package loadgen

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"syscall"
)

// ErrNotLoopback is returned (wrapped) for a target outside the loopback range.
var ErrNotLoopback = errors.New("target is not a loopback address")

// CheckTarget accepts only http(s) URLs whose host is localhost, an address in
// 127.0.0.0/8, or ::1. The lab generates load; it must never point it at another host.
// Host names other than localhost are refused without being resolved.
func CheckTarget(target string) error {
	u, err := url.Parse(target)
	if err != nil {
		return fmt.Errorf("target %q: %v", target, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("target %q: want an http:// or https:// URL such as http://127.0.0.1:8080", target)
	}
	host := u.Hostname()
	if strings.EqualFold(host, "localhost") {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("%w: %q (allowed: 127.0.0.0/8, ::1, localhost)", ErrNotLoopback, target)
}

// loopbackOnly is a net.Dialer Control hook: a second guard, at connect time, in case a
// name such as localhost resolves somewhere unexpected.
func loopbackOnly(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("%w: refusing to connect to %s", ErrNotLoopback, address)
	}
	return nil
}
