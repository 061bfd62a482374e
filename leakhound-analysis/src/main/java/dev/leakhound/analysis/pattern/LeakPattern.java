package dev.leakhound.analysis.pattern;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The leak patterns Leakhound names, each with the remedy a developer applies. Every analysis
 * (goroutine groups, profile diffs, class histograms, heap dumps) reports one of these, so a
 * pattern reads the same wherever it is found.
 *
 * <p>Immutable.
 */
public enum LeakPattern {
  UNBOUNDED_MAP(
      "unbounded-map",
      "a long-lived map or collection that only grows",
      "Bound it: evict by size or age (an LRU, a TTL), or delete entries when the request or"
          + " session they belong to ends."),
  BLOCKED_SEND_NO_RECEIVER(
      "blocked-send",
      "goroutines blocked sending on a channel nobody receives from",
      "Give the channel a buffer of one when a single result is sent, or select on"
          + " ctx.Done() beside the send so the sender can leave."),
  BLOCKED_RECEIVE_NO_SENDER(
      "blocked-receive",
      "goroutines blocked receiving from a channel nobody sends on or closes",
      "Close the channel when no more values will come, or select on ctx.Done() beside the"
          + " receive so the goroutine ends with its request."),
  SELECT_WITHOUT_CANCELLATION(
      "select-without-cancellation",
      "goroutines parked in a select that has no cancellation case",
      "Add a case <-ctx.Done(): return (or a quit channel) to the select, and cancel the"
          + " context when the work is no longer wanted."),
  TICKER_NEVER_STOPPED(
      "ticker-never-stopped",
      "a time.Ticker and its goroutine started per request and never stopped",
      "defer ticker.Stop() and end the goroutine on ctx.Done(); prefer one shared ticker over"
          + " one per request."),
  REQUEST_CONTEXT_HELD(
      "request-context-held",
      "background work that keeps the request's context (e.g. *gin.Context) alive after the"
          + " request ended",
      "Never use the request context outside its handler: copy what you need (c.Copy() in gin)"
          + " and give background work its own context with a deadline."),
  BLOCKED_ON_LOCK(
      "blocked-on-lock",
      "goroutines piling up waiting on a mutex held too long",
      "Shorten the critical section, never hold a lock across I/O, and look for a missing"
          + " Unlock on an early return."),
  LISTENER_NEVER_REMOVED(
      "listener-never-removed",
      "listeners or callbacks registered on a long-lived object and never removed",
      "Remove the listener when its owner is done (try/finally, close()), or hold listeners"
          + " weakly."),
  STATIC_COLLECTION(
      "static-collection",
      "a static collection that only grows",
      "Bound the collection (evict by size or age) or scope it to the request or session"
          + " instead of the class."),
  THREAD_LOCAL_IN_POOL(
      "threadlocal-in-pool",
      "a ThreadLocal on pooled threads that keeps growing",
      "Call ThreadLocal.remove() in a finally block at the end of each task; never keep"
          + " per-request data in a ThreadLocal of a pooled thread."),
  UNBOUNDED_QUEUE(
      "unbounded-queue",
      "a queue whose producers outpace its consumers",
      "Bound the queue and apply back-pressure (reject, block or drop) when it is full."),
  UNKNOWN(
      "unknown",
      "growth without a recognised pattern",
      "Compare two heap profiles taken some time apart and follow the allocation sites that"
          + " grew.");

  private final String id;
  private final String description;
  private final String remedy;

  LeakPattern(String id, String description, String remedy) {
    this.id = id;
    this.description = description;
    this.remedy = remedy;
  }

  /** A stable kebab-case name, used in JSON and on the command line. */
  @JsonValue
  public String id() {
    return id;
  }

  /** What the pattern is, as a noun phrase. */
  public String description() {
    return description;
  }

  /** What to change in the code. */
  public String remedy() {
    return remedy;
  }
}
