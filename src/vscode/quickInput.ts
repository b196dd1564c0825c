/**
 * One step of a multi-step quick input ("2/7" in the title bar, a Back button): each call shows
 * a fresh input box or quick pick and resolves with what the user did. Escape (or anything else
 * that hides the input) resolves `cancel`; the caller decides what that means.
 */
import * as vscode from 'vscode';

/** Where a step sits in its flow. */
export interface StepFrame {
  title: string;
  step: number;
  totalSteps: number;
  /** Show the Back button (every step but the first). */
  back: boolean;
  /** Extra title-bar buttons; pressing one resolves `{ kind: 'button' }`. */
  buttons?: readonly vscode.QuickInputButton[];
}

export type StepResult<T> =
  | { kind: 'value'; value: T }
  | { kind: 'back' }
  | { kind: 'cancel' }
  | { kind: 'button'; button: vscode.QuickInputButton; value: T };

/** What a step shows; reported to observers (the host tests drive the real UI with it). */
export interface StepInfo {
  kind: 'text' | 'pick';
  title: string;
  step: number;
  totalSteps: number;
  /** The prefilled value of an input box. */
  value?: string;
  /** The labels of a quick pick's items. */
  items?: string[];
}

function frame(input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }, f: StepFrame): void {
  input.title = f.title;
  input.step = f.step;
  input.totalSteps = f.totalSteps;
  input.buttons = [...(f.back ? [vscode.QuickInputButtons.Back] : []), ...(f.buttons ?? [])];
  // A long flow must not vanish when the user clicks into the editor to look something up.
  input.ignoreFocusOut = true;
}

/** Shows an input box; `validate` (sync or async) blocks accepting while it returns a message. */
export function askText(
  f: StepFrame,
  opts: {
    value: string;
    prompt?: string;
    placeholder?: string;
    valueSelection?: [number, number];
    validate?: (value: string) => string | undefined | Promise<string | undefined>;
  },
  shown?: (info: StepInfo) => void,
): Promise<StepResult<string>> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    const subs: vscode.Disposable[] = [];
    let done = false;
    const finish = (r: StepResult<string>) => {
      if (done) return;
      done = true;
      subs.forEach((s) => s.dispose());
      box.dispose();
      resolve(r);
    };
    frame(box, f);
    box.value = opts.value;
    if (opts.valueSelection) box.valueSelection = opts.valueSelection;
    box.prompt = opts.prompt;
    box.placeholder = opts.placeholder;
    const check = async (value: string) => {
      const message = opts.validate ? await opts.validate(value) : undefined;
      if (box.value === value) box.validationMessage = message;
      return message;
    };
    subs.push(
      box.onDidTriggerButton((b) => finish(b === vscode.QuickInputButtons.Back ? { kind: 'back' } : { kind: 'button', button: b, value: box.value })),
      box.onDidChangeValue((v) => void check(v)),
      box.onDidAccept(async () => {
        const value = box.value;
        box.busy = true;
        const message = await check(value);
        box.busy = false;
        if (message === undefined && box.value === value) finish({ kind: 'value', value });
      }),
      box.onDidHide(() => finish({ kind: 'cancel' })),
    );
    if (opts.validate) void check(opts.value);
    box.show();
    shown?.({ kind: 'text', title: f.title, step: f.step, totalSteps: f.totalSteps, value: opts.value });
  });
}

/** Shows a quick pick; resolves with the picked items (the selection when `canPickMany`). */
export function askPick<T extends vscode.QuickPickItem>(
  f: StepFrame,
  opts: { items: readonly T[]; placeholder?: string; canPickMany?: boolean; active?: T; selected?: readonly T[] },
  shown?: (info: StepInfo) => void,
): Promise<StepResult<T[]>> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<T>();
    const subs: vscode.Disposable[] = [];
    let done = false;
    const finish = (r: StepResult<T[]>) => {
      if (done) return;
      done = true;
      subs.forEach((s) => s.dispose());
      pick.dispose();
      resolve(r);
    };
    frame(pick, f);
    pick.placeholder = opts.placeholder;
    pick.canSelectMany = opts.canPickMany === true;
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.items = opts.items;
    if (opts.selected) pick.selectedItems = opts.selected;
    if (opts.active) pick.activeItems = [opts.active];
    const chosen = () => [...(pick.canSelectMany ? pick.selectedItems : pick.activeItems)];
    subs.push(
      pick.onDidTriggerButton((b) => finish(b === vscode.QuickInputButtons.Back ? { kind: 'back' } : { kind: 'button', button: b, value: chosen() })),
      pick.onDidAccept(() => {
        const value = chosen();
        if (!pick.canSelectMany && value.length === 0) return;
        finish({ kind: 'value', value });
      }),
      pick.onDidHide(() => finish({ kind: 'cancel' })),
    );
    pick.show();
    shown?.({ kind: 'pick', title: f.title, step: f.step, totalSteps: f.totalSteps, items: opts.items.map((i) => i.label) });
  });
}
