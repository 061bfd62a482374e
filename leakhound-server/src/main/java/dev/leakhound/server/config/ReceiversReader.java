package dev.leakhound.server.config;

import dev.leakhound.server.config.ConfigNode.ListNode;
import dev.leakhound.server.config.ConfigNode.MapNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code receivers} section: Alertmanagers and webhooks.
 *
 * <p>Stateless and thread-safe.
 */
final class ReceiversReader {
  private ReceiversReader() {}

  static List<ReceiverConfig> read(NodeReader in, MapNode top) {
    ConfigProblems problems = in.problems;
    ConfigNode node = top.get("receivers");
    List<ReceiverConfig> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!(node instanceof ListNode list)) {
      problems.add(node.line(), "receivers", "a list of receivers, found " + node.describe());
      return out;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.items().size(); i++) {
      String path = "receivers[" + i + "]";
      ConfigNode item = list.items().get(i);
      if (!(item instanceof MapNode r)) {
        problems.add(item.line(), path, "a receiver (a mapping with name, kind, url)");
        continue;
      }
      in.checkKeys(
          r,
          Set.of("name", "kind", "url", "headers", "resendInterval", "giveUpAfter", "timeout"),
          path);
      String name = in.required(r, "name", path);
      if (name != null && !names.add(name)) {
        problems.add(
            r.keyLine("name"), path + ".name", "a unique name, found '" + name + "' again");
      }
      String kind = in.required(r, "kind", path);
      if (kind != null
          && !kind.equals(ReceiverConfig.ALERTMANAGER)
          && !kind.equals(ReceiverConfig.WEBHOOK)) {
        problems.add(
            r.keyLine("kind"), path + ".kind", "alertmanager or webhook, found '" + kind + "'");
        kind = null;
      }
      URI url = url(in, r, path);
      Map<String, String> headers = in.stringMap(r, "headers", path, false);
      Duration resend = in.duration(r, "resendInterval", path, Duration.ofMinutes(1));
      Duration giveUp = in.duration(r, "giveUpAfter", path, Duration.ofHours(24));
      Duration timeout = in.duration(r, "timeout", path, Duration.ofSeconds(10));
      if (name != null && kind != null && url != null) {
        out.add(new ReceiverConfig(name, kind, url, headers, resend, giveUp, timeout));
      }
    }
    return out;
  }

  private static URI url(NodeReader in, MapNode r, String path) {
    ConfigProblems problems = in.problems;
    String text = in.required(r, "url", path);
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new URISyntaxException(text, "not http");
      }
      return uri;
    } catch (URISyntaxException e) {
      problems.add(
          r.keyLine("url"), path + ".url", "an http:// or https:// URL, found '" + text + "'");
      return null;
    }
  }
}
