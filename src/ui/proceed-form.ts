/**
 * "Continue anyway" on the block page. With `warnings.reasons`, the reasons are choices (radio
 * buttons in a fieldset whose legend asks the question), plus "Another reason" with a text field
 * when a reason is required; without a reason required, choosing is optional. Without reasons, one
 * text field when a reason is required. Every reason text is set as text, never as HTML.
 */
import type { CompiledApp } from '../policy/compile';
import { MAX_REASON_TEXT, MIN_REASON_TEXT } from '../policy/proceed-reason';
import type { ProceedReason } from '../policy/schema';
import { h } from './dom';
import type { Translate } from '../shared/i18n';
import { pickLocalized } from '../shared/text';

/** The reason sent with "continue anyway": a choice id and/or typed text. */
export type ProceedChoice = { reasonId?: string; reason?: string };

/** Asks the worker to let the tab through and opens the app; rejects with why the worker refused. */
export type Proceed = (choice: ProceedChoice) => Promise<void>;

const MIN_TEXT = MIN_REASON_TEXT;
// The log keeps at most MAX_REASON_TEXT characters (acceptProceedReason); the field says so.
const MAX_TEXT = String(MAX_REASON_TEXT);
const ERROR_ID = 'proceed-error';

function textField(parent: HTMLElement, label: string): HTMLTextAreaElement {
  h('label', { text: label, parent, attrs: { for: 'reason' } });
  return h('textarea', {
    parent,
    attrs: {
      id: 'reason',
      name: 'reason',
      rows: '3',
      maxlength: MAX_TEXT,
      'aria-required': 'true',
      'aria-describedby': ERROR_ID,
    },
  });
}

function radio(parent: HTMLElement, id: string, label: string, isRequired: boolean) {
  const row = h('div', { className: 'choice', parent });
  const input = h('input', {
    parent: row,
    attrs: { type: 'radio', name: 'reason-choice', id },
  });
  input.required = isRequired;
  h('label', { text: label, parent: row, attrs: { for: id } });
  return input;
}

/** Builds the form's fields; returns what to send, or an error message to show and where. */
function renderFields(
  form: HTMLFormElement,
  app: CompiledApp,
  t: Translate,
  language: string,
): () => ProceedChoice | { error: string; focus: HTMLElement } {
  const { requireReason } = app.warnings;
  // A snapshot stored before an update has no reasons until the worker applies the policy again.
  const reasons = (app.warnings.reasons as readonly ProceedReason[] | undefined) ?? [];
  if (reasons.length === 0) {
    if (!requireReason) return () => ({});
    const text = textField(form, t('proceedReasonLabel', [app.name]));
    return () => {
      const given = text.value.trim();
      return given.length < MIN_TEXT
        ? { error: t('proceedReasonMissing'), focus: text }
        : { reason: given };
    };
  }

  const fieldset = h('fieldset', {
    className: 'reasons',
    parent: form,
    attrs: { 'aria-describedby': ERROR_ID },
  });
  h('legend', {
    text: t(requireReason ? 'proceedReasonLabel' : 'proceedReasonLabelOptional', [app.name]),
    parent: fieldset,
  });
  const choices = reasons.map((reason, index) => ({
    id: reason.id,
    input: radio(
      fieldset,
      `reason-choice-${String(index)}`,
      pickLocalized(reason.text, language) ?? reason.id,
      requireReason,
    ),
  }));
  if (!requireReason)
    return () => {
      const chosen = choices.find((choice) => choice.input.checked);
      return chosen ? { reasonId: chosen.id } : {};
    };

  const other = radio(fieldset, 'reason-choice-other', t('proceedReasonOther'), true);
  const otherBox = h('div', { className: 'other', parent: fieldset, attrs: { hidden: '' } });
  const text = textField(otherBox, t('proceedReasonOtherLabel'));
  fieldset.addEventListener('change', () => (otherBox.hidden = !other.checked));
  return () => {
    const chosen = choices.find((choice) => choice.input.checked);
    if (chosen) return { reasonId: chosen.id };
    const first = choices[0]?.input ?? other;
    if (!other.checked) return { error: t('proceedChoiceMissing'), focus: first };
    const given = text.value.trim();
    return given.length < MIN_TEXT
      ? { error: t('proceedReasonMissing'), focus: text }
      : { reason: given };
  };
}

/** Appends the "continue anyway" section for `app` to `main`. */
export function renderProceed(
  main: HTMLElement,
  app: CompiledApp,
  t: Translate,
  language: string,
  proceed: Proceed,
): void {
  const section = h('section', {
    className: 'proceed',
    parent: main,
    attrs: { 'aria-labelledby': 'proceed-title' },
  });
  h('h2', { text: t('proceedHeading'), parent: section }).id = 'proceed-title';
  const minutes = app.warnings.proceedForMinutes;
  h('p', {
    text: minutes > 0 ? t('proceedExplainMinutes', [String(minutes)]) : t('proceedExplain'),
    parent: section,
  });
  // Our own messages instead of the browser's bubbles: they are in the policy's language.
  const form = h('form', { parent: section, attrs: { novalidate: '' } });
  const read = renderFields(form, app, t, language);
  const error = h('p', {
    className: 'error',
    parent: form,
    attrs: { id: ERROR_ID, role: 'alert' },
  });
  h('button', { text: t('proceedButton', [app.name]), parent: form, attrs: { type: 'submit' } });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const choice = read();
    if ('error' in choice) {
      error.textContent = choice.error;
      choice.focus.focus();
      return;
    }
    error.textContent = '';
    proceed(choice).catch((failure: unknown) => {
      error.textContent = t('proceedRefused', [
        failure instanceof Error ? failure.message : String(failure),
      ]);
    });
  });
}
