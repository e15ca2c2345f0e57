/**
 * Forms that write through the public API. A refusal is shown beside the field the server names
 * (else under the form) and what was typed stays, so nothing is lost on a refused write.
 */
import { ApiError } from '../shared/graphql';
import { rerender, showError } from './app';
import { h } from './dom';

let formCount = 0;

/** A labelled input whose refusal, when the server blames it, is shown right under it. */
export function field(label: string, input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): HTMLElement {
  const id = `f${++formCount}`;
  input.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, h('span', { class: 'field-error', id: `${id}-error` }));
}

/** A form refused as a CONFLICT, carried over the reload that shows the other person's change. */
let carried: { form: string; values: [string, string][]; message: string; before: Record<string, string> | null } | null = null;

/** Optional behaviour of an action form. */
export interface ActionOptions {
  /** What the page shows of the record (label → displayed value): after a CONFLICT the form lists what changed between the page as read and the reloaded one. */
  snapshot?: () => Record<string, string>;
}

/** The labels whose displayed value differs, as "Label: before → after". */
export function changesBetween(before: Record<string, string>, after: Record<string, string>): string[] {
  const labels = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return labels.filter((label) => (before[label] ?? '–') !== (after[label] ?? '–')).map((label) => `${label}: ${before[label] ?? '–'} → ${after[label] ?? '–'}`);
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const isCheck = (control: Control): control is HTMLInputElement => control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');

/**
 * The fields the person changed, not those still showing what the page was drawn with: the reload
 * after a CONFLICT keeps these as typed and shows the latest values in the others, so submitting
 * again does not put back what the other person changed in a field this person left alone.
 */
function typedValues(form: HTMLFormElement): [string, string][] {
  return [...form.querySelectorAll<Control>('input, textarea, select')]
    .filter((control) => control.name && (control instanceof HTMLSelectElement ? [...control.options].some((o) => o.selected !== o.defaultSelected) : isCheck(control) ? control.checked !== control.defaultChecked : control.value !== control.defaultValue))
    .map((control): [string, string] => [control.name, isCheck(control) ? String(control.checked) : control.value]);
}

/**
 * A form whose write goes through the public API. A CONFLICT (someone changed the record since the
 * page was read) reloads the page, so its new state shows, and keeps the form as typed, so
 * submitting again re-applies it.
 */
export function actionForm(title: string, submit: string, fields: HTMLElement[], write: (data: FormData) => Promise<void>, options: ActionOptions = {}): HTMLElement {
  const problem = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const changed = h('ul', { class: 'conflict-changes', hidden: true });
  const form = h('form', { class: 'action', 'aria-label': title }, h('h4', {}, title), ...fields, h('button', { type: 'submit' }, submit), problem, changed);
  if (carried?.form === title) {
    for (const [name, value] of carried.values) {
      const control = form.querySelector<Control>(`[name="${CSS.escape(name)}"]`);
      if (control && isCheck(control)) control.checked = value === 'true';
      else if (control) control.value = value;
    }
    const changes = carried.before && options.snapshot ? changesBetween(carried.before, options.snapshot()) : [];
    problem.textContent = `${carried.message} The page now shows the latest; submit again to apply yours.${changes.length ? ' Meanwhile someone changed:' : ''}`;
    problem.hidden = false;
    if (changes.length) {
      changed.setAttribute('aria-label', 'What changed meanwhile');
      changed.append(...changes.map((c) => h('li', {}, c)));
      changed.hidden = false;
    }
    carried = null;
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const span of form.querySelectorAll<HTMLElement>('.field-error')) span.textContent = '';
    for (const input of form.querySelectorAll('input, textarea, select')) input.removeAttribute('aria-invalid');
    problem.hidden = true;
    changed.hidden = true;
    changed.replaceChildren();
    write(new FormData(form)).then(
      () => void rerender(),
      (error: unknown) => {
        if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return showError(error);
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof ApiError && error.code === 'CONFLICT') {
          carried = { form: title, values: typedValues(form), message, before: options.snapshot?.() ?? null };
          return void rerender();
        }
        const input = error instanceof ApiError && error.field ? form.querySelector<HTMLElement>(`[name="${CSS.escape(error.field)}"]`) : null;
        if (input) {
          input.setAttribute('aria-invalid', 'true');
          input.setAttribute('aria-describedby', `${input.id}-error`);
          (document.getElementById(`${input.id}-error`) as HTMLElement).textContent = message;
          input.focus();
        } else {
          problem.textContent = message;
          problem.hidden = false;
        }
      },
    );
  });
  return form;
}

/** A form field's text, trimmed. */
export function text(data: FormData, name: string): string {
  return String(data.get(name) ?? '').trim();
}

/** A date field left empty means "today in the plan's time zone", which the server decides. */
export function optionalDate(data: FormData, name: string): string | null {
  return text(data, name) || null;
}
