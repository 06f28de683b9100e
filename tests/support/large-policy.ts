/**
 * The large policy of the enforcement E2E tests: `count` blocked custom apps (every other one
 * host-only, the rest behind a long path), with `defaultAction: "block"` so every catalogue app,
 * 2FA-code sites included, is blocked too.
 */
export function largePolicy(count: number) {
  return {
    defaultAction: 'block',
    customApps: Array.from({ length: count }, (_, i) => ({
      id: `app-${String(i)}`,
      name: `App ${String(i)}`,
      match: [
        i % 2 === 0
          ? `chat${String(i)}.corp${String(i % 10)}.test`
          : `portal${String(i)}.corp${String(i % 10)}.test/workspace/${String(i)}/conversations/inbox`,
      ],
    })),
  };
}

/** A page of app `i` of largePolicy. */
export function largePolicyAppUrl(i: number): string {
  return i % 2 === 0
    ? `https://chat${String(i)}.corp${String(i % 10)}.test/`
    : `https://portal${String(i)}.corp${String(i % 10)}.test/workspace/${String(i)}/conversations/inbox/7`;
}
