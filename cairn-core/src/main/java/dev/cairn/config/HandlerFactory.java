package dev.cairn.config;

import dev.cairn.Handler;

/**
 * Makes one kind of handler from the options of a dictConfig {@code handlers} entry (everything
 * except {@code class}, {@code level}, {@code formatter}, {@code filters} and {@code .}). It
 * reads options through {@link HandlerOptions}, whose typed getters report bad values with their
 * key path; options it never reads are rejected afterwards as unknown.
 */
@FunctionalInterface
public interface HandlerFactory {
    Handler create(HandlerOptions options) throws Exception;
}
