/**
 * The risk report: one static, printable HTML page that follows the NCSC course of action for a
 * policy — risks per app, required measures present and missing, residual risk to accept or
 * mitigate — with the catalogue's sources. Pure: no file or network access, no scripts, no
 * external resources; every string from the policy is escaped.
 */
import { CATALOGUE, CATALOGUE_VERSION, MEASURE_IDS, RISK_IDS } from '../catalogue';
import type { CriterionValue, MeasureId } from '../catalogue/criteria';
import { SOURCES } from '../catalogue/sources';
import type { CompiledApp, CompiledPolicy } from '../policy/compile';
import type { Action } from '../policy/schema';
import { formatPattern } from '../policy/pattern';
import type { Language, Translate } from '../shared/i18n';
import { pickLocalized } from '../shared/text';
import { REPORT_CSS } from './report-css';
import { REPORT_STRINGS, type ReportStrings } from './report-strings';

export type ReportOptions = {
  language: Language;
  /** The extension's messages in `language` (risk and measure names). */
  t: Translate;
  /** ISO date (YYYY-MM-DD) the report is dated. */
  date: string;
  signpostVersion: string;
  policyHash: string;
  /** The policy's `defaultAction` (apps without a rule). */
  defaultAction: Action;
};

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Text → HTML text or attribute value. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const key = (id: string) => id.replace(/-/g, '_');
const fill = (template: string, ...values: (string | number)[]) =>
  template.replace(/\$(\d)/g, (_, digit: string) => String(values[Number(digit) - 1] ?? ''));

type Decision = 'approved' | 'allowed' | 'warned' | 'blocked';

export function decisionOf(app: CompiledApp): Decision {
  if (app.reason === 'approved') return 'approved';
  if (app.action === 'allow') return 'allowed';
  return app.action === 'warn' ? 'warned' : 'blocked';
}

/** Apps employees can still use: everything but a block without "continue anyway". */
const inUse = (app: CompiledApp) => app.action !== 'block' || app.warnings.allowProceed;

const SYMBOLS = { good: '✓', bad: '✗', partial: '◐', unknown: '?', na: '–' } as const;

function valueWord(value: CriterionValue, kind: 'risk' | 'measure', s: ReportStrings): string {
  if (value === true || value === false) return s[`value_${String(value) as 'true'}_${kind}`];
  return s[`value_${String(value) as 'partial'}`];
}

function valueCell(value: CriterionValue, kind: 'risk' | 'measure', s: ReportStrings): string {
  // For a risk, "true" is the bad value; for a measure, "false" is.
  const tone =
    value === null
      ? 'na'
      : value === 'partial' || value === 'unknown'
        ? value
        : value === (kind === 'measure')
          ? 'good'
          : 'bad';
  return `<td class="v ${tone}"><span aria-hidden="true">${SYMBOLS[tone]}</span> ${escapeHtml(valueWord(value, kind, s))}</td>`;
}

function decisionText(app: CompiledApp, s: ReportStrings): string {
  const decision = decisionOf(app);
  if (decision === 'blocked' && app.warnings.allowProceed) return s.decisionBlockedProceed;
  const keys = {
    approved: 'decisionApproved',
    allowed: 'decisionAllowed',
    warned: 'decisionWarned',
    blocked: 'decisionBlocked',
  } as const;
  return s[keys[decision]];
}

function basisText(app: CompiledApp, s: ReportStrings, isBuiltInDefault: boolean): string {
  if (app.reason === 'approved') return s.basisApproved;
  if (app.reason === 'rule') return fill(s.basisRule, app.ruleIndex ?? 0);
  return isBuiltInDefault ? s.basisBuiltIn : s.basisDefault;
}

function appCell(app: CompiledApp, s: ReportStrings, explain = false): string {
  const note = app.isCustom
    ? `<br><small>${escapeHtml(explain ? s.customApp : s.customAppShort)}</small>`
    : '';
  return `<th scope="row">${escapeHtml(app.name)} <code>${escapeHtml(app.id)}</code>${note}</th>`;
}

const sourcesOf = (id: string): readonly string[] =>
  CATALOGUE.find((app) => app.id === id)?.sources ?? [];

/** A table labelled by its section's heading (`<h2 id="…-title">`). */
function table(section: string, head: string[], rows: string[]): string {
  return `<table aria-labelledby="${section}-title">
<thead><tr>${head.map((cell) => `<th scope="col">${cell}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function decisionsSection(policy: CompiledPolicy, s: ReportStrings, builtIn: boolean): string {
  const rows = policy.apps.map(
    (app) =>
      `<tr class="d-${decisionOf(app)}">${appCell(app, s, true)}<td>${escapeHtml(s[`category_${app.category}`])}</td><td class="decision">${escapeHtml(decisionText(app, s))}</td><td>${escapeHtml(basisText(app, s, builtIn))}</td><td>${escapeHtml(app.alternative?.name ?? s.none)}</td><td class="addresses">${app.patterns.map((p) => `<code>${escapeHtml(formatPattern(p))}</code>`).join(' ')}</td></tr>`,
  );
  return `<section id="decisions"><h2 id="decisions-title">${escapeHtml(s.decisionsHeading)}</h2>
${table(
  'decisions',
  [
    s.columnApp,
    s.columnCategory,
    s.columnDecision,
    s.columnBasis,
    s.columnAlternative,
    s.columnAddresses,
  ].map(escapeHtml),
  rows,
)}</section>`;
}

function alternativesSection(policy: CompiledPolicy, s: ReportStrings, language: Language): string {
  const items = policy.alternatives.map((alternative) => {
    const instructions = pickLocalized(alternative.instructions, language);
    return `<li><strong>${escapeHtml(alternative.name)}</strong> <code>${escapeHtml(alternative.id)}</code> — <span class="url">${escapeHtml(alternative.url)}</span>
<p>${escapeHtml(s.instructions)}: ${escapeHtml(instructions ?? s.noInstructions)}</p></li>`;
  });
  return `<section id="alternatives"><h2>${escapeHtml(s.alternativesHeading)}</h2>
${items.length > 0 ? `<ul class="alternatives">${items.join('\n')}</ul>` : `<p>${escapeHtml(s.noAlternatives)}</p>`}</section>`;
}

function risksSection(policy: CompiledPolicy, s: ReportStrings, t: Translate): string {
  const head = [s.columnApp, ...RISK_IDS.map((id) => t(`risk_${key(id)}_title`))].map(escapeHtml);
  const rows = policy.apps.map(
    (app) =>
      `<tr>${appCell(app, s)}${RISK_IDS.map((id) => valueCell(app.risks[id], 'risk', s)).join('')}</tr>`,
  );
  const legend = RISK_IDS.map(
    (id) =>
      `<dt>${escapeHtml(t(`risk_${key(id)}_title`))} <code>${id}</code></dt><dd>${escapeHtml(t(`risk_${key(id)}`))}</dd>`,
  ).join('\n');
  return `<section id="risks"><h2 id="risks-title">${escapeHtml(s.risksHeading)}</h2>
<p>${escapeHtml(s.risksIntro)}</p>
<dl class="legend" aria-label="${escapeHtml(s.risksLegend)}">${legend}</dl>
${table('risks', head, rows)}</section>`;
}

function measuresSection(policy: CompiledPolicy, s: ReportStrings, t: Translate): string {
  const measures: readonly MeasureId[] =
    policy.requirements.length > 0 ? policy.requirements : MEASURE_IDS;
  const head = [
    escapeHtml(s.columnApp),
    ...measures.map((id) => `${escapeHtml(t(`measure_${key(id)}`))} <code>${id}</code>`),
    escapeHtml(s.columnSources),
  ];
  const rows = policy.apps.map((app) => {
    const sources = sourcesOf(app.id)
      .map((id) => `<a href="#src-${escapeHtml(id)}">${escapeHtml(id)}</a>`)
      .join(', ');
    return `<tr>${appCell(app, s)}${measures.map((id) => valueCell(app.measures[id], 'measure', s)).join('')}<td class="sources">${sources || escapeHtml(s.none)}</td></tr>`;
  });
  const note =
    policy.requirements.length === 0 ? `<p class="note">${escapeHtml(s.noRequirements)}</p>` : '';
  return `<section id="measures"><h2 id="measures-title">${escapeHtml(s.measuresHeading)}</h2>
<p>${escapeHtml(s.measuresIntro)}</p>${note}
${table('measures', head, rows)}</section>`;
}

function residualSection(policy: CompiledPolicy, s: ReportStrings, t: Translate): string {
  const apps = policy.apps.filter(inUse);
  const blocks = apps.map((app) => {
    const risks = RISK_IDS.filter((id) => {
      const value = app.risks[id];
      return value === true || value === 'partial' || value === 'unknown';
    });
    const riskItems = risks
      .map(
        (id) =>
          `<li>${escapeHtml(t(`risk_${key(id)}_title`))} <code>${id}</code> — ${escapeHtml(valueWord(app.risks[id], 'risk', s))}</li>`,
      )
      .join('');
    const missing = app.failedRequirements.filter(({ value }) => value !== null);
    const missingItems = missing
      .map(
        ({ measure, value }) =>
          `<li>${escapeHtml(t(`measure_${key(measure)}`))} <code>${measure}</code> — ${escapeHtml(valueWord(value, 'measure', s))}</li>`,
      )
      .join('');
    return `<article class="residual">
<h3>${escapeHtml(app.name)} <span class="decision">${escapeHtml(decisionText(app, s))}</span></h3>
<h4>${escapeHtml(s.risksThatApply)}</h4>
${risks.length > 0 ? `<ul>${riskItems}</ul>` : `<p>${escapeHtml(s.noRisks)}</p>`}
<h4>${escapeHtml(s.missingMeasures)}</h4>
${missing.length > 0 ? `<ul>${missingItems}</ul>` : `<p>${escapeHtml(policy.requirements.length > 0 ? s.noMissing : s.noRequirements)}</p>`}
<div class="signoff" role="group" aria-label="${escapeHtml(`${s.signOff}: ${app.name}`)}">
<p><strong>${escapeHtml(s.signOff)}</strong></p>
<p><span class="box" aria-hidden="true"></span> ${escapeHtml(s.accept)}</p>
<p><span class="box" aria-hidden="true"></span> ${escapeHtml(s.mitigate)} <span class="line"></span></p>
<p>${escapeHtml(s.signedBy)}: <span class="line"></span> ${escapeHtml(s.date)}: <span class="line short"></span></p>
</div>
</article>`;
  });
  return `<section id="residual"><h2>${escapeHtml(s.residualHeading)}</h2>
<p>${escapeHtml(s.residualIntro)}</p>
${blocks.length > 0 ? blocks.join('\n') : `<p>${escapeHtml(s.residualNone)}</p>`}</section>`;
}

function sourcesSection(policy: CompiledPolicy, s: ReportStrings): string {
  const ids = [...new Set(policy.apps.flatMap((app) => sourcesOf(app.id)))];
  const items = ids.map((id) => {
    const source = SOURCES[id];
    return `<li id="src-${escapeHtml(id)}"><code>${escapeHtml(id)}</code> [${escapeHtml(source?.quality ?? '?')}] ${escapeHtml(source?.ref ?? '')}</li>`;
  });
  return `<section id="sources"><h2>${escapeHtml(s.sourcesHeading)}</h2>
<p>${escapeHtml(s.sourcesIntro)}</p>
<ul class="sources">${items.join('\n')}</ul></section>`;
}

/** The whole report as one HTML document. */
export function renderRiskReport(
  policy: CompiledPolicy,
  options: ReportOptions & { isBuiltInDefault?: boolean },
): string {
  const { language, t } = options;
  const s = REPORT_STRINGS[language];
  const org = policy.organization.name;
  const title = org ? fill(s.titleOrg, org) : s.title;
  const count = (decision: Decision) =>
    policy.apps.filter((app) => decisionOf(app) === decision).length;
  const defaultAction = t(
    { allow: 'actionAllow', warn: 'actionWarn', block: 'actionBlock' }[options.defaultAction],
  );
  const requirements =
    policy.requirements.length > 0
      ? policy.requirements
          .map((id) => `${escapeHtml(t(`measure_${key(id)}`))} <code>${id}</code>`)
          .join('; ')
      : escapeHtml(s.none);
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<dl class="meta">
<dt>${escapeHtml(s.generated)}</dt><dd><time datetime="${escapeHtml(options.date)}">${escapeHtml(options.date)}</time></dd>
<dt>${escapeHtml(s.catalogueVersion)}</dt><dd>${escapeHtml(CATALOGUE_VERSION)}</dd>
<dt>${escapeHtml(s.policyHash)}</dt><dd><code>${escapeHtml(options.policyHash)}</code></dd>
<dt>${escapeHtml(s.signpostVersion)}</dt><dd>${escapeHtml(options.signpostVersion)}</dd>
</dl>
<p>${escapeHtml(s.intro)}</p>
<h2>${escapeHtml(s.stepsHeading)}</h2>
<ol class="steps"><li><a href="#risks">${escapeHtml(s.step1)}</a></li><li><a href="#measures">${escapeHtml(s.step2)}</a></li><li><a href="#measures">${escapeHtml(s.step3)}</a></li><li><a href="#residual">${escapeHtml(s.step4)}</a></li></ol>
</header>
<main>
<section id="summary"><h2>${escapeHtml(s.summaryHeading)}</h2>
<dl class="meta">
<dt>${escapeHtml(s.defaultAction)}</dt><dd>${escapeHtml(defaultAction)}</dd>
<dt>${escapeHtml(s.requirementsLabel)}</dt><dd>${requirements}</dd>
<dt>${escapeHtml(s.decisionsHeading)}</dt><dd>${escapeHtml(fill(s.counts, count('approved'), count('allowed'), count('warned'), count('blocked')))}</dd>
</dl></section>
${alternativesSection(policy, s, language)}
${decisionsSection(policy, s, options.isBuiltInDefault ?? false)}
${risksSection(policy, s, t)}
${measuresSection(policy, s, t)}
${residualSection(policy, s, t)}
${sourcesSection(policy, s)}
</main>
<footer><p>${escapeHtml(s.footer)}</p></footer>
</body>
</html>
`;
}
