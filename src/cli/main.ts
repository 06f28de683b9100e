/**
 * The admin's command line: the same parse, validate and decide code as the extension — no second
 * validator. `validate FILE [--json]` and `explain FILE URL…`.
 * Exit codes: 0 valid, 1 issues (or a usage error, or bytes that are not UTF-8), 2 unreadable.
 */
import { readFile } from 'node:fs/promises';
import { compilePolicy } from '../policy/compile';
import { createMatcher, decide } from '../policy/decide';
import type { PolicyIssue } from '../policy/issues';
import { parsePolicy } from '../policy/parse';
import { readPolicyFile } from './policy-file';
import { keygen, signFile } from './signing';
import {
  exportPolicy,
  exportProblems,
  STORE_SOURCE,
  TARGETS,
  type Target,
} from '../admin/deployment';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { renderRiskReport } from '../admin/risk-report';
import { hashPolicy } from '../policy/effective';
import type { Policy } from '../policy/schema';
import {
  createTranslate,
  LANGUAGES,
  toMessageTable,
  type Language,
  type MessageEntry,
} from '../shared/i18n';

type Output = { write(text: string): unknown };
type Io = { stdout: Output; stderr: Output };

export { readPolicyFile } from './policy-file';

const USAGE = `Usage:
  signpost-policy validate FILE [--json]   check a policy; exit 0 valid, 1 issues, 2 unreadable
  signpost-policy explain FILE URL...      which app each URL is and what the employee gets
  signpost-policy export FILE --target T [--out DIR] [--update-url URL] [--firefox-install-url URL]
                                         [--extension-id ID]
      T: ${TARGETS.join(', ')}
      Without --update-url the browsers install Signpost from their stores. --extension-id: the id
      "npm run package" printed for a build signed with your own key.
  signpost-policy report FILE [--lang en|nl] [--out report.html] [--date YYYY-MM-DD]
      the NCSC risk analysis of the policy as one printable HTML page (stdout without --out);
      the language defaults to the policy's locale when it is nl, else English
  signpost-policy keygen --out private.pem
      a new Ed25519 key pair for signed central policies; prints the public key for policyPublicKeys
  signpost-policy sign FILE --key private.pem [--out FILE.sig]
      the detached signature of FILE, to publish at <policyUrl>.sig
`;

/** The file's policy, or the exit code (2 unreadable, 1 not UTF-8) after saying why not. */
async function readOrReport(file: string, io: Io): Promise<{ raw: unknown } | number> {
  const read = await readPolicyFile(file);
  if (!('error' in read)) return read;
  io.stderr.write(`${read.error}\n`);
  return read.exitCode;
}

function describeIssue(issue: PolicyIssue): string {
  const parts = [`${issue.severity.padEnd(7)} ${issue.path}: ${issue.message}`];
  if (issue.value !== undefined) parts.push(`  given: ${issue.value}`);
  if (issue.effect) parts.push(`  result: ${issue.effect}`);
  return parts.join('\n');
}

async function validate(args: string[], io: Io): Promise<number> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    io.stderr.write(USAGE);
    return 1;
  }
  const read = await readOrReport(file, io);
  if (typeof read === 'number') return read;
  const { policy, issues } = parsePolicy(read.raw);
  if (args.includes('--json')) {
    io.stdout.write(`${JSON.stringify({ file, usable: policy !== null, issues }, null, 2)}\n`);
  } else if (issues.length === 0) {
    io.stdout.write(`${file}: valid\n`);
  } else {
    io.stdout.write(
      `${file}: ${String(issues.length)} issue(s)${policy ? '' : ' — the document as a whole is unusable; the last valid policy would stay in force'}\n`,
    );
    for (const issue of issues) io.stdout.write(`${describeIssue(issue)}\n`);
  }
  return issues.length === 0 ? 0 : 1;
}

async function explain(args: string[], io: Io): Promise<number> {
  const [file, ...urls] = args;
  if (!file || urls.length === 0) {
    io.stderr.write(USAGE);
    return 1;
  }
  const read = await readOrReport(file, io);
  if (typeof read === 'number') return read;
  const { policy } = parsePolicy(read.raw);
  if (!policy) {
    io.stderr.write(`${file} is unusable as a whole; run "signpost-policy validate ${file}"\n`);
    return 1;
  }
  const matcher = createMatcher(compilePolicy(policy, { isBuiltInDefault: false }).apps);
  for (const url of urls) {
    const decision = decide(matcher, url);
    const app = decision.app;
    const why =
      decision.reason === 'rule' ? `rules[${String(decision.ruleIndex)}]` : decision.reason;
    const line = app
      ? `${url}\n  app: ${app.id} (${app.name})\n  action: ${decision.action} (${why})\n  alternative: ${decision.alternative ? `${decision.alternative.name} <${decision.alternative.url}>` : 'none'}\n`
      : `${url}\n  app: none — Signpost does nothing here\n`;
    io.stdout.write(line);
  }
  return 0;
}

/** The file's policy when it has no errors (warnings are fine), or the exit code after saying why. */
async function readErrorFree(
  file: string,
  io: Io,
): Promise<{ raw: Record<string, unknown>; policy: Policy } | number> {
  const read = await readOrReport(file, io);
  if (typeof read === 'number') return read;
  const { policy, issues } = parsePolicy(read.raw);
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (!policy || errors.length > 0 || typeof read.raw !== 'object' || read.raw === null) {
    io.stderr.write(
      `${file} has ${String(errors.length || 1)} error(s); fix them first ("signpost-policy validate ${file}")\n`,
    );
    return 1;
  }
  return { raw: read.raw as Record<string, unknown>, policy };
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

async function exportFiles(args: string[], io: Io): Promise<number> {
  const file = args[0];
  const target = option(args, '--target') as Target | undefined;
  if (!file || !target || !(TARGETS as readonly string[]).includes(target)) {
    io.stderr.write(USAGE);
    return 1;
  }
  const read = await readErrorFree(file, io);
  if (typeof read === 'number') return read;
  const updateUrl = option(args, '--update-url');
  const source = {
    chromiumUpdateUrl: updateUrl ?? STORE_SOURCE.chromiumUpdateUrl,
    firefoxInstallUrl: option(args, '--firefox-install-url') ?? STORE_SOURCE.firefoxInstallUrl,
    chromiumExtensionId: option(args, '--extension-id') ?? STORE_SOURCE.chromiumExtensionId,
  };
  if (!/^[a-p]{32}$/.test(source.chromiumExtensionId)) {
    io.stderr.write(
      `--extension-id must be 32 letters a-p, as "npm run package" prints it (got ${source.chromiumExtensionId})\n`,
    );
    return 1;
  }
  for (const url of [source.chromiumUpdateUrl, source.firefoxInstallUrl]) {
    if (!url.startsWith('https://')) {
      io.stderr.write(`install URLs must be https:// (got ${url})\n`);
      return 1;
    }
  }
  // The validated policy only (unknown keys dropped); the raw document only decides which
  // defaults stay implicit. A string the target's format cannot carry is refused, not mangled.
  const problems = exportProblems(read.policy, target, source, read.raw);
  if (problems.length > 0) {
    io.stderr.write(`${file} cannot be exported for ${target}:\n`);
    for (const problem of problems) io.stderr.write(`${describeIssue(problem)}\n`);
    return 1;
  }
  const outDir = option(args, '--out') ?? '.';
  await mkdir(outDir, { recursive: true });
  for (const output of exportPolicy(read.policy, target, source, read.raw)) {
    const path = join(outDir, output.name);
    // regedit reads .reg files as UTF-16LE with a byte-order mark.
    // Windows PowerShell 5.1 also needs a byte-order mark to read a UTF-8 script as UTF-8.
    const contents = output.name.endsWith('.reg')
      ? Buffer.from(`\ufeff${String(output.contents)}`, 'utf16le')
      : output.name.endsWith('.ps1')
        ? `\ufeff${String(output.contents)}`
        : output.contents;
    await writeFile(path, contents);
    io.stdout.write(`${path}: ${output.note}\n`);
  }
  return 0;
}

const REPO = new URL('../../', import.meta.url);

async function report(args: string[], io: Io): Promise<number> {
  const file = args[0];
  const language = option(args, '--lang');
  const date = option(args, '--date') ?? new Date().toISOString().slice(0, 10);
  if (
    !file ||
    file.startsWith('--') ||
    (language !== undefined && !(LANGUAGES as readonly string[]).includes(language))
  ) {
    io.stderr.write(USAGE);
    return 1;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    io.stderr.write(`--date must be YYYY-MM-DD (got ${date})\n`);
    return 1;
  }
  const read = await readErrorFree(file, io);
  if (typeof read === 'number') return read;
  // Without --lang: the policy's own locale when it names one, else English.
  const lang: Language =
    (language as Language | undefined) ?? (read.policy.locale === 'nl' ? 'nl' : 'en');
  const messages = JSON.parse(
    await readFile(new URL(`public/_locales/${lang}/messages.json`, REPO), 'utf8'),
  ) as Record<string, MessageEntry>;
  const { version } = JSON.parse(await readFile(new URL('package.json', REPO), 'utf8')) as {
    version: string;
  };
  const html = renderRiskReport(compilePolicy(read.policy, { isBuiltInDefault: false }), {
    language: lang,
    t: createTranslate(toMessageTable(messages)),
    date,
    signpostVersion: version,
    policyHash: hashPolicy(read.policy),
    defaultAction: read.policy.defaultAction,
  });
  const out = option(args, '--out');
  if (!out) {
    io.stdout.write(html);
    return 0;
  }
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, html);
  io.stdout.write(`${out}: risk report (${lang}), ${String(html.length)} bytes\n`);
  return 0;
}

/** Runs the command line; resolves to the exit code. */
export async function run(args: string[], io: Io): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'validate') return validate(rest, io);
  if (command === 'explain') return explain(rest, io);
  if (command === 'export') return exportFiles(rest, io);
  if (command === 'report') return report(rest, io);
  if (command === 'keygen') return keygen(rest, io);
  if (command === 'sign') return signFile(rest, io);
  io.stderr.write(USAGE);
  return command === undefined || command === '--help' ? 0 : 1;
}
