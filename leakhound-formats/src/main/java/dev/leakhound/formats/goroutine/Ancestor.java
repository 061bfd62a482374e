package dev.leakhound.formats.goroutine;

/**
 * One {@code [originating from goroutine N]:} section of a goroutine, printed when the program runs
 * with {@code GODEBUG=tracebackancestors=N}: the stack of the goroutine that created it (or of that
 * one's creator, and so on), at the moment of the {@code go} statement.
 *
 * @param goroutineId the ancestor goroutine's id
 * @param stackId the ancestor's stack in {@link GoroutineDump#stack(int)}
 * @param creatorFrame the frame of the ancestor's own {@code created by} line, or -1
 */
public record Ancestor(long goroutineId, int stackId, int creatorFrame) {}
