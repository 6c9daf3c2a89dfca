// Lets unit tests import server modules; the real `server-only` throws outside React Server bundles.
export {};
