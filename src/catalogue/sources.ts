/** Where the catalogue's values come from: source id → quality tag and reference (see catalogue.md §5). */
export const SOURCES: Readonly<Record<string, { quality: string; ref: string }>> = {
  'WA-linked': {
    quality: 'P',
    ref: "WhatsApp Help Center, 'About linked devices' — https://faq.whatsapp.com/378279804439436 (date unknown)",
  },
  'WA-contacts': {
    quality: 'P',
    ref: "WhatsApp Help Center, 'About contact upload' — https://faq.whatsapp.com/1191526044909364 (date unknown)",
  },
  'WA-pp-eea': {
    quality: 'P',
    ref: 'WhatsApp Privacy Policy (European Region), revision 2023-12-04 — https://whatsapp.com/legal/privacy-policy-eea/revisions/20231204',
  },
  'WA-pp-2021': {
    quality: 'S',
    ref: 'WhatsApp Jan-2021 privacy policy as quoted (undelivered messages kept encrypted up to 30 days; IP-based location estimate) — https://beautytipsinurdu.pk/accept-whatsapps-new-privacy-policy-or-loss-your-account/ (2021-01-08)',
  },
  'WA-provider': {
    quality: 'P',
    ref: "WhatsApp Help Center, 'Who is providing your WhatsApp services' (effective 2021-01-01; WhatsApp Ireland Limited for European Region) — https://faq.whatsapp.com/general/security-and-privacy/who-is-providing-your-whatsapp-services",
  },
  'WA-tyntec': {
    quality: 'S',
    ref: "tyntec docs FAQ 'Is personal data being stored on European servers?' (WhatsApp stores data in the United States; encrypted media worldwide) — https://www.tyntec.com/docs/faq-whatsapp-business-compliance-gdpr-opt-ins-personal-data-being-stored-european-servers (date unknown; WhatsApp Business context)",
  },
  'WA-kt': {
    quality: 'P',
    ref: "Meta Engineering, 'Deploying key transparency at WhatsApp' — https://engineering.fb.com/2023/04/13/security/whatsapp-key-transparency/ (2023-04-13); QR/60-digit security code + Auditable Key Directory (github.com/facebook/akd)",
  },
  'WA-ncc': {
    quality: 'P',
    ref: "NCC Group, 'Public Report – WhatsApp End-to-End Encrypted Backups Security Assessment' (2021-10-27) — research.nccgroup.com/2021/10/27/public-report-whatsapp-end-to-end-encrypted-backups-security-assessment (read via mirror)",
  },
  'WA-codeverify': {
    quality: 'P',
    ref: 'Meta Code Verify browser extension, repo facebookincubator/meta-code-verify, file config/v3/manifest.json (content scripts for *://*.whatsapp.com/* excl. www.whatsapp.com, *://*.messenger.com/*, *://*.facebook.com/*); launch press March 2022 e.g. https://addictivehacks.com/whatsapp-introduces-browser-extension-to-authenticate-your-web-version/',
  },
  'WA-ws': {
    quality: 'T',
    ref: "WhatsApp Web websocket endpoint 'wss://web.whatsapp.com/ws/chat', Origin https://web.whatsapp.com — repo tulir/whatsmeow socket/constants.go; also jlucaso1/whatsapp-rust src/socket/consts.rs (reverse-engineered clients)",
  },
  'WA-mmg': {
    quality: 'T',
    ref: 'Media URLs on https://mmg.whatsapp.net/... in multiple third-party WhatsApp libraries (code search)',
  },
  'WA-disappear': {
    quality: 'S',
    ref: 'News18, disappearing messages for groups, admin-only toggle, available on Web/Desktop (2020-11) — https://www.news18.com/news/tech/whatsapp-disappearing-messages-heres-how-group-admins-can-use-the-feature-on-android-ios-and-web-3049616.html; Vodafone Digital Parenting WhatsApp page (timers 1–90 days, chat lock with fingerprint/Face ID) — https://www.vodafone.co.uk/newscentre/smart-living/digital-parenting/digital-parenting-pro/whatsapp/',
  },
  'WA-weblock': {
    quality: 'S',
    ref: "WhatsApp Web 'App Lock' (password, auto-lock timer) how-to — https://india-employmentnews.com/tech-category/secure-your-whatsapp-web-chats%E2%80%94learn-how-to-enable-app-lock/cid18557768.htm (date unknown)",
  },
  'WA-export': {
    quality: 'S',
    ref: "WhatsApp 'Export chat' limits (~40,000 messages without media / ~10,000 with media) — https://receipts.love/learn/backing-up-whatsapp-conversations (date unknown)",
  },
  'SIG-formal': {
    quality: 'A',
    ref: "Cohn-Gordon, Cremers, Dowling, Garratt, Stebila, 'A Formal Security Analysis of the Signal Messaging Protocol', IEEE EuroS&P 2017 / Journal of Cryptology 33 (2020) — https://eprint.iacr.org/2016/1013, https://www.iacr.org/cryptodb/data/paper.php?pubkey=30743",
  },
  'TG-pp': {
    quality: 'P',
    ref: 'Telegram Privacy Policy (telegram.org/privacy) as archived in repo MarshalX/telegram-crawler, data/web/telegram.org/privacy.html (commit 003a290b4d4b62719b0f0838180d43bb004f120a; sections 3.3 cloud/secret chats, 3.4 contacts, 4.1 storage in Netherlands for UK/EEA sign-ups, 5.2 metadata max 12 months, 5.5 frequent-contacts rating, 8.2 group companies BVI/Dubai, 8.3 law enforcement)',
  },
  'TG-le': {
    quality: 'T',
    ref: "Newer Telegram policy wording on law enforcement ('valid order from the relevant judicial authorities ... may disclose your IP address and phone number'), quoted in third-party documents (code search; post-2024 wording, exact revision date unknown)",
  },
  'TG-webk': {
    quality: 'P',
    ref: "Telegram Web K source, repo morethanwords/tweb: README ('Available for everyone here: https://web.telegram.org/k/'), src/config/app.ts (MAIN_DOMAINS = web.telegram.org, webk.telegram.org; suffix 'K'), src/lib/mtproto/dcConfigurator.ts (wss://{suffix}ws{dc}[-1].web.telegram.org/apiws; HTTP fallback https://{pluto|venus|aurora|vesta|flora}[-1].web.telegram.org/apiw1)",
  },
  'TG-weba': {
    quality: 'P',
    ref: "Telegram Web A source, repo Ajaxy/telegram-tt: src/lib/gramjs/Utils.ts getDC() -> zws{dc}[-1].web.telegram.org:443; vite config CSP 'connect-src ... wss://*.web.telegram.org' (file seen via code search; path not confirmed)",
  },
  'TG-qr': {
    quality: 'P',
    ref: "Telegram API docs, 'Login via QR code' — https://core.telegram.org/api/qr-login (token shown as tg://login?token=..., accepted by a logged-in app)",
  },
  'TG-secret-web': {
    quality: 'S',
    ref: "telegram.wiki 'Secret Chats from A-Z' ('Telegram Desktop and Telegram Web do not support Secret Chats'; page flagged as needing update) — https://telegram.wiki/privacy/secretchats; telegramuserid.com secret chats guide (not accessible from Telegram Web) — https://telegramuserid.com/how-to/how-to-use-telegram-secret-chat",
  },
  'TG-ethz': {
    quality: 'A',
    ref: "Albrecht, Mareková, Paterson, Stepanovs, 'Four Attacks and a Proof for Telegram', IEEE S&P 2022; ETH ZISC summary 2021-08-02 — https://zisc.ethz.ch/2021/08/02/cryptographic-vulnerabilities-and-security-arguments-for-telegram-not-end-to-end-encrypted-chats/ ; Miculan & Vitacolonna, 'Automated Symbolic Verification of Telegram's MTProto 2.0' (preprint)",
  },
  'TG-export': {
    quality: 'P',
    ref: 'Telegram Data Export Schema — https://core.telegram.org/import-export (export via Telegram Desktop: Settings > Advanced > Export Telegram data)',
  },
  'TG-autodel': {
    quality: 'S',
    ref: 'TDLib setChatMessageAutoDeleteTime (auto-delete up to 365 days; requires change_info admin right in groups) — https://futpib.github.io/tdjson/interfaces/SetChatMessageAutoDeleteTime.html ; explica.co 2021-04-23',
  },
  'TG-passcode': {
    quality: 'S',
    ref: 'Telegram Passcode Lock how-tos: https://www.idownloadblog.com/?p=913961 ; https://telegramweb.net/telegram-passcode (states Web A supports a passcode; third-party site, ownership unknown)',
  },
  'TG-invites': {
    quality: 'P',
    ref: "Telegram API docs 'Invites' (private invite links with per-user join requests), archived in MarshalX/telegram-crawler data/web/core.telegram.org/api/invites.html",
  },
  'TG-versions': {
    quality: 'S',
    ref: 'Diolinux forum on Telegram Web K and Z versions (2021) — https://plus.diolinux.com.br/t/k-e-z-telegram-para-navegadores-esta-sendo-sucedido-por-duas-opcoes/49927',
  },
  'TG-server': {
    quality: 'S',
    ref: "Telegram server software not open source while clients are: prism-break issue #1075 (2014-07-23, 'Their clients are open source, but their server component is not') — https://github.com/prism-break/prism-break/issues/1075 ; Speek-App/Speek issue #14 (2022-05-23) — https://github.com/Speek-App/Speek/issues/14 ; Telegram client on F-Droid (ThinkPrivacyIO/thinkprivacy issue #14, 2019-08-20)",
  },
  'FB-e2ee-2023': {
    quality: 'S',
    ref: 'MacRumors 2023-12-07 quoting Loredana Crisan (default E2EE for personal chats and calls on Messenger and Facebook; app lock; disappearing messages) — https://www.macrumors.com/2023/12/07/facebook-messenger-end-to-end-encryption/ ; Planet Jon (group E2EE still testing; Labyrinth encrypted storage) — https://www.planetjon.net/news/cybersecurity/meta-launches-default-end-to-end-encryption-for-chats-and-calls-on-messenger/ ; xynik 2023-12-07 (Signal protocol basis, 24h disappearing messages)',
  },
  'FB-e2ee-2024': {
    quality: 'P',
    ref: "Meta Newsroom, 'End-to-End Encryption on Messenger Explained' (2024-03-28; secure storage with PIN or key in Google Drive/iCloud) — https://about.fb.com/news/2024/03/end-to-end-encryption-on-messenger-explained/",
  },
  'FB-help-restore': {
    quality: 'P',
    ref: 'Messenger Help Center, restore E2EE chats on a computer with 40-character code / one-time code — https://www.messenger.com/help/3357856081116516 , https://www.messenger.com/help/1426828071491838',
  },
  'FB-msgr-shutdown': {
    quality: 'S',
    ref: 'Reports that messenger.com becomes unavailable from April 2026 and redirects to facebook.com/messages (requires Facebook login) — https://particlenews.pages.dev/story/meta-to-shut-down-messengercom-redirect-web-chats-to-facebook-in-april ; https://gagadget.com/en/696619-meta-to-cease-operating-the-separate-messenger-site-in-april-2026 ; https://artisantimes.com/?p=22552 (2026)',
  },
  'FB-desktop': {
    quality: 'S',
    ref: 'Messenger desktop apps (Windows/macOS) discontinued 15 December (2025), users redirected to facebook.com / messenger.com — https://newapp.site/messenger/meta-will-close-down-its-messenger-apps-on-mac-and-windows ; https://informat.ro/it/internazionale/meta-chiude-lapplicazione-messenger-per-desktop-il-15-dicembre-85005',
  },
  'FB-contacts': {
    quality: 'P',
    ref: "Meta Help Center, 'Information for people who don't use Meta Products' (Contact Uploading on Facebook, Messenger or Instagram; names, phone numbers, emails uploaded daily; optional) — https://www.facebook.com/help/637205020878504 (read via proxy copies; one copy names Meta Platforms Ireland Limited, another Meta Platforms, Inc.)",
  },
  'FB-pp': {
    quality: 'P',
    ref: "Meta Privacy Policy (effective 2024-06-26 copy; later revision effective 2025-12-16 per conductatlas diff) — collects 'what you do on our Products ... messages you send' (E2EE messages not readable), friends/followers — https://www.facebook.com/privacy/policy/ ; summary incl. global transfers to/from the US and download tools: https://fineprintly.io/c/meta/privacy (secondary)",
  },
  'FB-ws': {
    quality: 'T',
    ref: 'Messenger web real-time endpoint wss://edge-chat.messenger.com/chat and wss://edge-chat.facebook.com/chat (MQTT over WebSocket) in third-party client libraries (code search)',
  },
  'IG-e2ee-end': {
    quality: 'S',
    ref: 'Meta ends E2EE DMs on Instagram after 8 May 2026 (opt-in only, some regions) — https://techdigest.ng/instagram-to-end-end-to-end-encrypted-direct-messages ; https://extra.ie/2026/03/16/news/world-news/instagram-meta-feature ; https://www.geo.tv/latest/655716-instagram-dms-becoming-less-secure-meta-to-kill-end-to-end-encryption (March 2026)',
  },
  'IG-urls': {
    quality: 'T',
    ref: 'https://www.instagram.com/direct/inbox/ and /direct/t/<id>/ URLs in third-party automation code (code search)',
  },
  'DC-dave': {
    quality: 'S',
    ref: 'Discord DAVE protocol (E2EE for audio/video in DMs, group DMs, voice channels, Go Live; text not E2EE; initially desktop & mobile only, web client not supported; Trail of Bits involvement) — https://www.ihyperg.com/2024/09/discord-introduces-end-to-end-encryption-for-audio-and-video-calls-across-dms-and-voice-channels.html ; https://telegraph247.com/tech/audio-and-video-calls-on-discord-are-now-end-to-end-encrypted (quotes Discord blog 2024-09-17) ; https://techplugged.com/discord-introduces-end-to-end-encryption-for-audio-and-video-calls',
  },
  'DC-pp': {
    quality: 'S',
    ref: 'Summary of Discord Privacy Policy (Discord Inc. US controller; Discord Netherlands BV for EEA; collects servers joined, who you message, games, IP/device) — https://fineprintly.io/c/discord/privacy (date unknown) ; retention discussion https://conductatlas.com/platform/discord/discord-privacy-policy/data-retention/',
  },
  'DC-gw': {
    quality: 'T',
    ref: "Discord gateway wss://gateway.discord.gg (docs.rs crate descord consts; discord.js docs 'APIGatewayInfo' -> discord.com/developers/docs/topics/gateway#get-gateway); QR-login gateway wss://remote-auth-gateway.discord.gg (third-party code)",
  },
  'DC-admin': {
    quality: 'W',
    ref: 'Discord server verification levels / roles controlled by server owners & admins — https://lemmy.cybergirly.com/u/Mic_Check_One_Two@reddthat.com ; https://tec101nightbat13131.blogspot.com/2023/06',
  },
  'WC-hosts': {
    quality: 'T',
    ref: 'Web WeChat host map in repo nodeWechat/wechat4u src/util/conf.js: wx2.qq.com, wx8.qq.com, wx.qq.com(qq.com), web2.wechat.com, web.wechat.com with login./file./webpush. subdomains; default login.weixin.qq.com / webpush.weixin.qq.com',
  },
  'WC-blocked': {
    quality: 'T',
    ref: "GitHub issues showing Web WeChat login refused (error 1203 'newly registered WeChat accounts are unable to log in to WeChat for Web'): littlecodersh/ItChat #804 (2019-03-20), wechaty/wechaty #1881 (2019-11-27), lukiiiz22/cmd-wechat-terminal #3 (2020-12-15), UnsignedInt8/wallchat #37 (2023-02-01, 'overseas version and accounts registered after 2017 cannot log in')",
  },
  'WC-qr': {
    quality: 'W',
    ref: 'Web WeChat login by scanning a QR code with the phone app and confirming on the phone — https://filterthree.mystrikingly.com/blog/wechat-for-mac-login',
  },
  'WC-help': {
    quality: 'P',
    ref: 'WeChat Help Center Privacy Policy (last updated 2024-02-29): controller Tencent International Service Europe B.V. (EEA/UK/CH) or WeChat International Pte. Ltd. (elsewhere outside mainland China) — https://www.wechat.com/en/helpcenter_policy (applies to the Help Center)',
  },
  'WC-citizenlab': {
    quality: 'A',
    ref: "Citizen Lab, 'We Chat, They Watch' (2020-05-07): files/images between non-China-registered accounts undergo content surveillance — https://citizenlab.ca/2020/05/we-chat-they-watch/",
  },
  'WC-noe2ee': {
    quality: 'S',
    ref: "Lowyat 2017 ('no end-to-end encryption'; Weixin policy lists people you communicated with, time, date and duration) — https://www.lowyat.net/2017/142230/wechat-updates-privacy-policy-reflect-gives-data-chinese-government/ ; Tencent statement 2017-09-29 ('Our server to user messages are encrypted') — https://www.custompcreview.com/news/wechat-confirms-sharing-private-data-chinese-government/",
  },
  'WC-storage': {
    quality: 'S',
    ref: 'Claim that non-China WeChat account data is stored in Hong Kong and Canada — https://tricksfast.com/donald-trumps-ban-on-chinese-app-follows-years-of-espionage-claims (c. 2020, secondary)',
  },
  'WC-contacts': {
    quality: 'S',
    ref: 'WeChat privacy policy text (as quoted): contact-list linking only after WeChat asks for consent — http://writing.raginikathail.com/wechat-open-platform-developer-service-agreement/ ; Weixin (mainland) guidelines 2025-05-09 collect phone contacts for friend recommendation — https://weixin.qq.com/cgi-bin/readTemplate?S=privacy&lang=zh_cn&t=weixin_agreement',
  },
  'SC-web': {
    quality: 'S',
    ref: 'Snapchat for Web launch (July 2022, Snapchat+ subscribers in US/UK/CA/AU/NZ, Chrome only, login with username/password; screenshot blocking & privacy screen) — https://geeknewscentral.com/2022/07/18/snapchat-brings-chatting-and-video-calling-to-the-web/ ; https://lowyatad.pages.dev/posts/snapchat-launches-new-web-based-version-of-its-app ; global availability Sept 2022 — https://citylife.capetown/uncategorized/how-to-use-snapchat-on-the-web/360721/ (2023-09-02)',
  },
  'SC-privacy': {
    quality: 'P',
    ref: "Snap Privacy Center ('We don't stockpile your private communication'; office in Venice Beach) — https://www.snap.com/en-US/privacy/privacy-center/ ; Snap Privacy Principles — https://values.snap.com/privacy/privacy-principles ; 'messages are not saved automatically' — https://forbusiness.snapchat.com/advertising/safer",
  },
  'SC-hosts': {
    quality: 'T',
    ref: "Third-party notes/code: https://web.snapchat.com/ redirects (301) to https://www.snapchat.com/web/ (observed 2025-10-12), SSO via accounts.snapchat.com, gRPC endpoint web.snapchat.com/snapchat.fidelius.FideliusIdentityService/InitializeWebKey (Fidelius = Snap's E2EE key service)",
  },
  'SC-e2ee-conflict': {
    quality: 'W',
    ref: 'Conflicting secondary claims on Snapchat E2EE (snaps only vs. messages too) — https://guides.com.tn/te/category/ordinateur-internet/mobile/snapchat/ ; https://ticker.tv/news/are-snapchat-messages-encrypted/176013/ (2023-11-13)',
  },
  'GM-pair': {
    quality: 'S',
    ref: "9to5Google 2023-10-31, Google Account-based 'Device pairing' for messages.google.com/web (emoji confirmation; one browser instance at a time) — https://9to5google.com/2023/10/31/google-messages-account-device-pairing/ ; PhoneArena — https://phonearena.com/news/google-messages-on-the-web-gets-easier-to-pair-with-account-based-pairing_id152222",
  },
  'GM-qr-end': {
    quality: 'S',
    ref: "Messages for web notice 'QR code pairing is going away soon' (March 2026) — https://ccstartup.com/blog/2026/03/23/google-is-killing-the-best-way-to-use-google-messages-for-web-on-public-computers ; https://thedailytechfeed.com/?p=30832",
  },
  'GM-phone': {
    quality: 'S',
    ref: "Gadget Bridge: 'For the app's web portal to work, you need your smartphone to be active'; one computer at a time — https://www.gadgetbridge.com/how-to/how-to-access-google-messages-on-other-devices-using-your-google-account",
  },
  'GM-paper': {
    quality: 'P',
    ref: "Google, 'Messages End-to-End Encryption Overview' technical paper v1.0 (Nov 2020, docslib copy https://docslib.org/doc/1002165/messages-end-to-end-encryption-overview) and v1.2 (Feb 2022); sections include Identity Verification and Web Client; Signal Protocol; metadata left unencrypted (phone numbers, timestamps, IP addresses, carriers, SIP/MSRP/CPIM headers, attachment URL/size) as quoted at https://next.lemm.ee/comment/7226907",
  },
  'GM-group': {
    quality: 'S',
    ref: 'gHacks 2022-12-05, E2EE for RCS group chats rolling out in Google Messages — https://www.ghacks.net/2022/12/05/google-adds-support-for-end-to-end-encryption-for-group-chats-in-messages/ ; MLS testing (2025) — https://thedailytechfeed.com/google-messages-enhances-security-with-mls-encryption-and-redesigned-message-details',
  },
  'GM-api': {
    quality: 'T',
    ref: 'Repo mautrix/gmessages libgm/util/paths.go: https://messages.google.com/web/authentication, https://instantmessaging-pa.googleapis.com/$rpc/google.internal.communications.instantmessaging.v1.Pairing/{RegisterPhoneRelay,GetWebEncryptionKey}, .../Messaging/{ReceiveMessages,SendMessage}',
  },
  'TH-webfaq': {
    quality: 'P',
    ref: "Threema FAQ 'How does Threema Web work?' (encrypted direct connection browser<->mobile device; messages not stored on a server; synchronized messages deleted from browser when session ends) — https://threema.ch/en/faq/web_mo",
  },
  'TH-whitepaper': {
    quality: 'P',
    ref: 'Threema Web Whitepaper (2017-02-15): WebRTC data channel, NaCl E2E layer, SaltyRTC signalling; web client <-> app only, no messages exchanged directly with chat server; private key never leaves the device — https://threema.ch/en/blog/posts/threema-web-whitepaper',
  },
  'TH-browser': {
    quality: 'P',
    ref: 'Threema FAQ: web client and desktop app both need the mobile app, and the mobile device must be connected to the Internet; web.threema.ch cookie settings — https://threema.ch/en/faq/web_browser_settings',
  },
  'TH-config': {
    quality: 'P',
    ref: "Repo threema-ch/threema-web src/config.ts: SALTYRTC_HOST_PREFIX 'saltyrtc-', SUFFIX '.threema.ch', port 443; ICE/TURN ds-turn.threema.ch:443; PUSH_URL https://push-web.threema.ch/push; SELF_HOSTED flag",
  },
  'TH-contacts': {
    quality: 'P',
    ref: "Threema FAQ 'Will my address book data be sent to your servers?' (optional, off by default; hashed; kept only in volatile memory) — https://threema.ch/en/faq/addressbook_data",
  },
  'TH-data': {
    quality: 'P',
    ref: "Threema FAQ 'Which data gets stored at Threema?' (messages deleted from server after delivery; no contact lists stored; no log of who communicates with whom) — https://threema.ch/en/faq/data ; privacy protection (Threema ID, phone/email linking optional) — https://threema.com/en/faq/privacy_protection",
  },
  'TH-audit': {
    quality: 'P',
    ref: "Threema FAQ 'How does Threema audit its code?' (audit by Münster University of Applied Sciences, March 2019) — https://threema.ch/en/faq/code_audit",
  },
  'TH-ethz': {
    quality: 'A',
    ref: "Paterson, Scarlata, Truong (ETH Zurich), 'Three Lessons From Threema: Analysis of a Secure Messenger', USENIX Security 2023 (seven attacks, disclosed and patched; Threema says findings concern an old protocol) — https://www.usenix.org/conference/usenixsecurity23/presentation/paterson ; https://breakingthe3ma.app/",
  },
  'TH-servers': {
    quality: 'S',
    ref: "prog.world on Threema source publication: Threema GmbH is Swiss and 'the project servers are also in Switzerland' — https://prog.world/source-code-of-the-swiss-crypto-messenger-threema-has-been-published/ (c. 2020)",
  },
  'TH-wiki': {
    quality: 'S',
    ref: "de.wikipedia 'Threema' (Threema GmbH, Switzerland; AGPLv3 apps & web client, MIT protocol, proprietary server; Threema OnPrem self-hosting; desktop app since 2021; Threema Web/Desktop require the smartphone app) — http://de.wikipedia.org/wiki/Threema ; en.wikipedia (QR-code identity verification levels) — http://en.wikipedia.org./wiki/Threema",
  },
  'WR-sec': {
    quality: 'P',
    ref: "Wire 'Security & Privacy' (E2EE always on for messages, calls, files; 100% open source; servers in Germany and Ireland) — https://wire.com/en/security",
  },
  'WR-support': {
    quality: 'P',
    ref: "Wire Support 'Security' (Proteus protocol, libsodium primitives; conference call encryption) — https://support.wire.com/hc/en-us/articles/4405940312081-Security",
  },
  'WR-hosts': {
    quality: 'P',
    ref: 'Repo wireapp/wire-web-packages packages/api-client/src/main/env/Backend.ts: PRODUCTION rest https://prod-nginz-https.wire.com, ws wss://prod-nginz-ssl.wire.com; webapp env default APP_BASE https://app.wire.com (code search); wire-ios pinning test lists prod-assets.wire.com',
  },
  'WR-secondary': {
    quality: 'S',
    ref: "dt.gl review (email registration, no phone needed; address book hashed with SHA-256, matched and deleted; servers in EU; 2019 holding moved to US) — https://dt.gl/wire/ ; fieldwork.news (MLS; contacts list kept unencrypted; connection metadata up to 72 h; holding moved to US 2019, back to Germany 2020; Schwarz Group stake 2024; compliance exports) — https://fieldwork.news/tools/wire ; innovationessence (up to 8 devices; device fingerprint verification; own-instance deployment) — https://innovationessence.com/secure-collaboration-platform/ ; butthurtfork (client open-sourced 2016, server by 2017; Waterloo audit found 'relatively minor' issues; 2019 US holding move) — https://butthurtfork.com/fork/wire-proteus",
  },
  'EL-blog': {
    quality: 'P',
    ref: "Element blog 2020-05-06, 'Riot Web 1.6 ... E2E Encryption by Default & Cross-signing is here' — https://element.io/blog/e2e-encryption-by-default-cross-signing-is-here/",
  },
  'EL-docs': {
    quality: 'P',
    ref: "Element Web docs 'End to end encryption by default' (encrypted DMs if keys uploaded; private rooms default encrypted with opt-out; homeserver can set io.element.e2ee default:false / force_disable) — https://web-docs.element.dev/Element%20Web/e2ee.html ; default_server_config example base_url https://matrix-client.matrix.org, identity server https://vector.im (Element Web config docs, via code search)",
  },
  'EL-matrixorg': {
    quality: 'P',
    ref: "Matrix.org Foundation Privacy Policy (effective 2025-08-25): Matrix.org Foundation C.I.C. (UK Community Interest Company) is data controller for the matrix.org homeserver, Element as processor; federation replicates messages to participants' servers — https://www.matrix.org/legal/privacy-notice",
  },
  'EL-audit': {
    quality: 'S',
    ref: "vodozemac: 'received one security audit by Least Authority, with no significant findings' — https://lib.rs/crates/vodozemac ; 2026-02-17 disclosure of vodozemac issues fixed in vodozemac 0.10.0 (per https://stat.ethz.ch/CRAN/web/packages/mx.crypto/vignettes/security-audit.md); libolm CVE-2024-45191/45192/45193 (https://wiki.nixos.org/w/index.php?diff=prev&oldid=17984&title=Matrix)",
  },
  'EL-meta': {
    quality: 'S',
    ref: 'Matrix community privacy note: in encrypted rooms, time, room and sender are not stored encrypted — https://disrob.ing/privacy',
  },
  'EL-contacts': {
    quality: 'T',
    ref: 'BundesMessenger iOS (Element fork) commit notes: ask permission to upload emails to identity server when contact access granted — https://git.felixfoertsch.de/felixfoertsch/bundesmessenger-ios/commits/commit/d6fcfc8bef0b93e018b3fe563ed94d195ac6e333/Vector/ViewController/ContactPickerViewController.m',
  },
  'MS-e2ee': {
    quality: 'P',
    ref: "Microsoft Learn, 'Use end-to-end encryption for one-to-one Microsoft Teams calls' (only media of unscheduled 1:1 calls; disabled by default; chat protected by Microsoft 365 encryption, not E2EE), repo MicrosoftDocs/OfficeDocs-SkypeForBusiness Teams/teams-end-to-end-encryption.md (ms.date 2022-03-08)",
  },
  'MS-e2ee-meet': {
    quality: 'P',
    ref: "Microsoft Learn, 'Require end-to-end encryption for sensitive Teams meetings' (Teams Premium; Web/VDI/CVI not supported), repo MicrosoftDocs/OfficeDocs-SkypeForBusiness Teams/end-to-end-encrypted-meetings.md (ms.date 2023-12-15)",
  },
  'MS-cloudms': {
    quality: 'P',
    ref: "Microsoft Learn, 'Unified cloud.microsoft domain for Microsoft 365 apps', repo MicrosoftDocs/microsoft-365-docs microsoft-365/enterprise/cloud-microsoft-domain.md (ms.date 2024-04-18)",
  },
  'MS-residency': {
    quality: 'P',
    ref: 'Microsoft 365 data locations (MicrosoftDocs/microsoft-365-docs microsoft-365/enterprise/o365-data-locations.md, 2024-02-29) and EU Data Boundary overview — https://learn.microsoft.com/industry/sovereignty/eu-data-boundary',
  },
  'MS-retention': {
    quality: 'P',
    ref: "Microsoft Learn training 'Explain retention in Microsoft Teams' (chat/channel messages in Azure Cosmos DB ingested to hidden mailbox folders; retention policies) — https://learn.microsoft.com/zh-tw/training/modules/manage-data-retention-microsoft-365/4-explain-retention-teams ; Graph eDiscovery purgeData — https://learn.microsoft.com/graph/api/security-ediscoverysearch-purgedata ; Teams Export API getAllRetainedMessages — https://learn.microsoft.com/zh-cn/graph/api/channel-getallretainedmessages",
  },
  'MS-hosts': {
    quality: 'T',
    ref: 'Teams web origins teams.microsoft.com, teams.cloud.microsoft, teams.live.com in third-party browser-extension manifests; *.teams.microsoft.com, *.teams.cloud.microsoft, statics.teams.cdn.office.net in proxy rule lists (code search)',
  },
  'SL-res': {
    quality: 'P',
    ref: "Slack Help 'Data residency for Slack' (without data residency data stored in the US; regions incl. Frankfurt/Paris; profiles, membership, analytics may be stored outside region) — https://slack.com/help/articles/360035633934",
  },
  'SL-faq': {
    quality: 'P',
    ref: 'Slack Privacy FAQs (free: delete after 90 days or keep 1 year; paid default keep everything; hosted on AWS) — https://slack.com/intl/en-sg/trust/privacy/privacy-faq',
  },
  'SL-connect': {
    quality: 'P',
    ref: "Slack Help 'Slack Connect security and data policies' (Enterprise Key Management; export tools for owners/admins; Business+/Enterprise Grid export incl. DMs) — https://slack.com/intl/en-hu/help/articles/115004152843",
  },
  'SL-ws': {
    quality: 'T',
    ref: 'Slack web client real-time WebSocket wss://wss-primary.slack.com/ with Origin https://app.slack.com (third-party code; reverse-engineered)',
  },
  'SL-noe2ee': {
    quality: 'S',
    ref: 'Slack has no end-to-end encryption; TLS in transit and encryption at rest with Slack-held keys (EKM gives customer key control) — https://www.cape.co/blog/is-slack-encrypted ; https://trueconf.com/blog/reviews-comparisons/is-slack-encrypted (updated April 2026) ; http://www.ricotta.team/blog/slack-data-encryption-privacy',
  },
  'ZV-sec': {
    quality: 'P',
    ref: "Zivver 'Information Security at Zivver' (May 2023): data in AWS eu-west-1; AES message encryption with RSA-2048 key derived from user secret; Zivver does not store the secret — https://www.zivver.com/security",
  },
  'ZV-kiteworks': {
    quality: 'S',
    ref: 'Groningen Mail: Zivver acquired by US company Kiteworks; council concerns; NTA 7516 — https://www.groningenmail.com/p/groningen-council-raises-privacy (2025)',
  },
  'ZV-host': {
    quality: 'T',
    ref: 'https://app.zivver.com (SAML identifier https://app.zivver.com/SAML/Zivver in Microsoft Entra SaaS tutorial; API base URL) — code search',
  },
  'ZV-pp': {
    quality: 'P',
    ref: 'ZIVVER privacy statement v1.9 (May 2018): located in Amsterdam, KvK 62937057 — https://www.zivver.eu/en/privacy-statement',
  },
  'X-chat': {
    quality: 'S',
    ref: "X 'Chat' (XChat) rollout on iOS and web with E2EE, disappearing messages, screenshot blocking; keys protected by 4-digit PIN via Juicebox, stored on X servers — https://cyberinsider.com/?p=288907 ; X support doc as reported: metadata not protected, 'no protection against man-in-the-middle attacks' — https://www.techbuzz.ai/articles/x-replaces-dms-with-chat-e2e-encryption-video-calls ; launch Dec 2025 — https://grokipedia.com/page/X_Chat",
  },
  'X-urls': {
    quality: 'T',
    ref: 'x.com/messages (legacy DMs) and x.com/i/chat/<id> (XChat) in third-party extensions, tests and X Android app code (code search)',
  },
  'LI-eu': {
    quality: 'P',
    ref: 'LinkedIn European Regional Privacy Notice: controller LinkedIn Ireland Unlimited Company (Dublin) for Designated Countries; LinkedIn Corporation (Sunnyvale, CA) for UK — https://www.linkedin.com/legal/privacy/eu (via proxy copy)',
  },
  'LI-pp': {
    quality: 'S',
    ref: 'LinkedIn Privacy Policy (effective 2020-08-11) copy: address book import and contact/calendar sync; usage data logged — https://www.scribd.com/document/660528497/LinkedIn-Policy-Terms ; https://polifresh.org/all/top-10/linkedin',
  },
  'LI-e2ee-conflict': {
    quality: 'W',
    ref: 'Contradictory content-farm pages on LinkedIn message encryption (smprotips.com, slipsum.com) — not used for values',
  },
  'LI-url': {
    quality: 'T',
    ref: 'https://www.linkedin.com/messaging/ in third-party multi-messenger catalogs (code search)',
  },
  'TOTP-dan': {
    quality: 'P',
    ref: "Repo jaden/totp-generator Readme.md: 'generate a TOTP entirely in the web browser'; demo https://totp.danhersam.com/ ; key may be passed as URL fragment https://totp.danhersam.com/#/KEY or query https://totp.danhersam.com?key=KEY",
  },
  'TOTP-2falive': {
    quality: 'T',
    ref: "Third-party code calling https://2fa.live/tok/<secret> (returns JSON 'token') and automating the page's textarea#listToken (code search; used in account-automation scripts)",
  },
  'TOTP-app': {
    quality: 'T',
    ref: "https://totp.app/ referenced as 'Online one-time password generator / TOTP (Google Authenticator) Online / 2FA' in third-party write-ups and docs (code search)",
  },
  'TOTP-gauth': {
    quality: 'T',
    ref: 'https://gauth.apps.gbraad.nl/ (GAuth web app, github.com/gbraad/gauth) referenced as web-based TOTP generator in many repos (code search)',
  },
  'TOTP-io': {
    quality: 'T',
    ref: 'https://totp.io listed as alternate web TOTP implementation in a repo README (code search)',
  },
  'TOTP-other': {
    quality: 'S',
    ref: 'Other web TOTP generators seen: https://piellardj.github.io/totp-generator (README), https://danpub1.github.io/totp/totp.html (repo danpub1/totp, WebCrypto), https://tools-box.net/en/2fa-authenticator/ (claims local computation), https://2fa.fakebook.pro (claims client-side generation)',
  },
};
