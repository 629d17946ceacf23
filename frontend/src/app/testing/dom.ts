/**
 * Small DOM helpers for component specs: act as a person would (type, choose, click) and read
 * what they would see.
 */

/** Types `value` into a text field or picks it in a select, firing the events a browser fires. */
export function fill(root: ParentNode, selector: string, value: string): void {
  const control = query<HTMLInputElement | HTMLSelectElement>(root, selector);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

export function click(root: ParentNode, selector: string): void {
  query<HTMLElement>(root, selector).click();
}

/** The button whose visible text is `label`. */
export function button(root: ParentNode, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
  if (!found) {
    throw new Error(`No button "${label}" among: ${[...root.querySelectorAll('button')].map((b) => b.textContent?.trim()).join(', ')}`);
  }
  return found;
}

export function text(root: ParentNode, selector: string): string {
  return (root.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function query<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) {
    throw new Error(`Nothing matches ${selector}`);
  }
  return element;
}

/** Lets pending promise chains run (a macrotask), then waits for Angular to render. */
export async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}
