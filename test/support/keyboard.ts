import type { Page } from 'playwright-core';

/** What the keyboard must reach: an element by id, or a button by its text. */
export type KeyTarget = { id: string } | { button: string };

/**
 * Moves the focus with Tab only until it reaches the target, as a keyboard user does (at most `limit` presses; the
 * page's order decides). Fails naming the target when the focus never gets there.
 */
export async function tabTo(page: Page, target: KeyTarget, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    const reached = await page.evaluate((wanted) => {
      const active = (
        globalThis as unknown as {
          document: { activeElement: { id: string; tagName: string; textContent: string | null } | null };
        }
      ).document.activeElement;
      if (!active) return false;
      if ('id' in wanted) return active.id === wanted.id;
      return active.tagName === 'BUTTON' && (active.textContent ?? '').trim() === wanted.button;
    }, target);
    if (reached) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab n’atteint jamais ${JSON.stringify(target)} (${limit} appuis)`);
}

/** One keyboard gesture on a field: type text, press Space (tick, choose the first option), or arrows then Space. */
export type KeyStep =
  | { id: string; type: string }
  | { id: string; space: true }
  | { id: string; down: number }
  | { button: string; enter: true };

export async function keyboardSteps(page: Page, steps: KeyStep[]): Promise<void> {
  for (const step of steps) {
    if ('button' in step) {
      await tabTo(page, { button: step.button });
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      continue;
    }
    await tabTo(page, { id: step.id });
    if ('type' in step) await page.keyboard.type(step.type);
    else if ('space' in step) await page.keyboard.press('Space');
    else for (let moves = 0; moves < step.down; moves++) await page.keyboard.press('ArrowDown');
  }
}
