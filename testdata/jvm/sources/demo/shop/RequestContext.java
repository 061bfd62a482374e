package demo.shop;

/** Per-request data put in a ThreadLocal of a pooled thread and never removed. */
record RequestContext(long requestId, String traceId) {}
