/**
 * Where each catalogue app lives, in the policy contract's pattern format: `host` (that host and its
 * subdomains) or `host/path` (path prefix) for multi-purpose sites. Kept apart from the rest of the
 * catalogue so the content scripts can carry it without the risk data.
 */
export const CATALOGUE_MATCH = {
  whatsapp: ['web.whatsapp.com'],
  telegram: ['web.telegram.org', 'webk.telegram.org'],
  messenger: ['messenger.com', 'facebook.com/messages'],
  instagram: ['instagram.com/direct'],
  discord: [
    'discord.com/app',
    'discord.com/channels',
    'discordapp.com/app',
    'discordapp.com/channels',
  ],
  wechat: [
    'web.wechat.com',
    'web2.wechat.com',
    'wx.qq.com',
    'wx2.qq.com',
    'wx8.qq.com',
    'login.weixin.qq.com',
  ],
  snapchat: ['web.snapchat.com', 'snapchat.com/web'],
  'google-messages': ['messages.google.com/web'],
  threema: ['web.threema.ch'],
  wire: ['app.wire.com'],
  element: ['app.element.io'],
  teams: ['teams.microsoft.com', 'teams.cloud.microsoft', 'teams.live.com'],
  slack: ['slack.com'],
  zivver: ['app.zivver.com'],
  x: ['x.com/messages', 'x.com/i/chat', 'twitter.com/messages', 'twitter.com/i/chat'],
  linkedin: ['linkedin.com/messaging'],
  'totp-generators': [
    'totp.danhersam.com',
    '2fa.live',
    'totp.app',
    'gauth.apps.gbraad.nl',
    'totp.io',
    'piellardj.github.io/totp-generator',
    'danpub1.github.io/totp',
    'tools-box.net/en/2fa-authenticator',
    '2fa.fakebook.pro',
  ],
} as const satisfies Record<string, readonly string[]>;
