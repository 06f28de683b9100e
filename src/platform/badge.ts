/** The toolbar icon's per-tab state: a badge and a tooltip. Chromium `action`, Firefox MV2 `browserAction`. */
import { browser } from 'wxt/browser';
import type { TabState } from '../messaging/protocol';

type ActionApi = {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
};

const STYLES: Partial<Record<TabState['state'], { text: string; color: string; title: string }>> = {
  approved: { text: '✓', color: '#15803d', title: 'badgeApproved' },
  warned: { text: '!', color: '#b45309', title: 'badgeWarned' },
  blocked: { text: '✕', color: '#b91c1c', title: 'badgeBlocked' },
  proceeded: { text: '!', color: '#b91c1c', title: 'badgeBlocked' },
};

/** Shows `state` on the toolbar icon for `tabId`; `titleFor` localises the tooltip. */
export async function showTabState(
  tabId: number,
  state: TabState,
  titleFor: (message: string) => string,
): Promise<void> {
  const action =
    (browser as unknown as { action?: ActionApi }).action ??
    (browser as unknown as { browserAction: ActionApi }).browserAction;
  const style = STYLES[state.state];
  await action.setBadgeText({ tabId, text: style?.text ?? '' });
  if (style) await action.setBadgeBackgroundColor({ tabId, color: style.color });
  await action.setTitle({
    tabId,
    title: style ? titleFor(style.title) : titleFor('extensionName'),
  });
}
