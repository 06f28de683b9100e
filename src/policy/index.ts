/** The pure policy engine: parse, validate, compile, match, decide. No browser APIs. */
export * from './schema';
export * from './issues';
export * from './parse';
export * from './pattern';
export * from './compile';
export * from './decide';
export * from './effective';
export { toManagedSchema } from './managed-schema';
