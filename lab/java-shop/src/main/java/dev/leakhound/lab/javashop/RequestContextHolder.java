package dev.leakhound.lab.javashop;

/**
 * Per-thread request context, in the style of web frameworks' context holders.
 *
 * <p>THE LEAK (threadlocal-leak): {@link #CONTEXT} is set on pooled HTTP worker threads and
 * {@link #clear()} (ThreadLocal.remove) is never called, so each worker's context keeps every
 * trace it ever recorded. Root path in a heap dump: {@code Thread "shop-http-N" ->
 * Thread.threadLocals -> ThreadLocal$ThreadLocalMap.table -> ThreadLocal$ThreadLocalMap$Entry[]
 * -> ThreadLocal$ThreadLocalMap$Entry.value -> RequestContext -> RequestContext.traces ->
 * ArrayList.elementData -> Object[] -> RequestTrace}. The remedy: remove() in a finally block.
 *
 * <p>Thread-safe by construction: each thread sees only its own context.
 */
final class RequestContextHolder {
    private static final ThreadLocal<RequestContext> CONTEXT = ThreadLocal.withInitial(RequestContext::new);

    private RequestContextHolder() {
    }

    static RequestContext current() {
        return CONTEXT.get();
    }

    static void clear() {
        CONTEXT.remove();
    }
}
