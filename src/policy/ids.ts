/**
 * Facts shared by the schema, the message contract, the stored snapshot and the event log, in one
 * place: the actions, and what an app or alternative id looks like. Pure and zod-free (the content
 * script uses it).
 */

/** allow: nothing shown; warn: in-page banner; block: the page never loads. */
export const ACTIONS = ['allow', 'warn', 'block'] as const;
export type Action = (typeof ACTIONS)[number];

/** Ids of custom apps, alternatives and reasons: lower-case letters, digits and dashes. */
export const ID_PATTERN = /^[a-z0-9-]+$/;
/** Longest id accepted anywhere (policy, messages, block-page address). */
export const MAX_ID_LENGTH = 100;

/** Whether `value` is a well-formed id. */
export const isId = (value: string): boolean =>
  value.length > 0 && value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);

/** Whether `value` is one of the actions. */
export const isAction = (value: unknown): value is Action =>
  typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
