package dev.cairn.config;

/**
 * Found with {@link java.util.ServiceLoader}: a module that brings handler classes (cairn-smtp,
 * say) registers their configuration names, Python's and its own, when configuration first
 * needs them.
 */
public interface HandlerProvider {
    void registerHandlers(HandlerRegistry registry);
}
