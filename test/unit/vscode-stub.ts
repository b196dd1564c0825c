/**
 * An inert stand-in for the `vscode` API, for evaluating an extension bundle outside VS Code
 * (the web-bundle test, the activation benchmark).
 */
function property(key: PropertyKey): unknown {
  if (key === Symbol.iterator) return function* () {};
  if (key === Symbol.toPrimitive) return () => '';
  if (key === 'then' || key === '__esModule') return undefined; // not a promise, not an ES module
  return inert();
}

/**
 * A stand-in where every property is another stand-in, callable and constructible, iterable as
 * empty. Its prototype answers every property too, so a bundler's namespace wrapper (an object
 * created from it) sees the whole API.
 */
export function inert(): unknown {
  const target = function () {} as unknown as Record<PropertyKey, unknown>;
  const proto = new Proxy({}, { get: (_t, key) => property(key) });
  return new Proxy(target, {
    get: (_t, key) => property(key),
    getPrototypeOf: () => proto,
    set: () => true,
    apply: () => inert(),
    construct: () => inert() as object,
  });
}
