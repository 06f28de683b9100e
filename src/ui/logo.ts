/**
 * The organisation's logo (`organization.logo`) as an `<img>`: a PNG or SVG data URL, so nothing
 * is ever fetched, and an SVG is drawn as an image (no scripts, no markup in our DOM). The worker
 * validated the value; it is checked again here because an `<img>` with any other URL would load
 * it from the network.
 */
import { h } from './dom';

const LOGO_URL = /^data:image\/(?:png|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;

/**
 * Appends the logo to `parent`, or nothing when there is none. `alt` is "" when the organisation's
 * name is written next to it (the image adds nothing then), else a description such as
 * "Logo of your organisation".
 */
export function renderLogo(
  parent: Node,
  logo: string | undefined,
  alt: string,
): HTMLImageElement | undefined {
  if (!logo || !LOGO_URL.test(logo)) return undefined;
  const image = h('img', { className: 'logo', parent, attrs: { alt, decoding: 'async' } });
  image.src = logo;
  return image;
}
