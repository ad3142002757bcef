// As-you-type search for a GET form that already works without JavaScript: with it, every change
// is submitted after a short pause, replacing the history entry, and the fields the person is not
// touching follow the URL (back/forward, pagination links, a shared link).
import { useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useRef, type FormEvent, type RefObject } from "react";

export const LIVE_SEARCH_DELAY_MS = 300;

/** The form's values without the empty ones, so shared URLs stay short and readable. */
function nonEmptyParams(form: HTMLFormElement, defaults: Record<string, string>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== "string" || value.trim() === "" || defaults[name] === value) continue;
    params.append(name, value);
  }
  return params;
}

export function useLiveSearch(formRef: RefObject<HTMLFormElement>, defaults: Record<string, string> = {}) {
  const submit = useSubmit();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  const submitNow = useCallback(
    (replace: boolean) => {
      const form = formRef.current;
      if (!form) return;
      clearTimeout(timer.current);
      submit(nonEmptyParams(form, defaults), {
        method: "get",
        action: form.getAttribute("action") ?? undefined,
        replace,
        preventScrollReset: true,
      });
    },
    [formRef, submit, defaults],
  );

  const onChange = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => submitNow(true), LIVE_SEARCH_DELAY_MS);
  }, [submitNow]);

  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      submitNow(false);
    },
    [submitNow],
  );

  return { onChange, onSubmit };
}

type Control = HTMLInputElement | HTMLSelectElement;

function syncControl(control: Control, params: URLSearchParams) {
  if (control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio")) {
    const values = params.getAll(control.name);
    control.checked =
      control.type === "radio" ? (values[0] ?? "") === control.value : values.includes(control.value);
  } else if (control instanceof HTMLSelectElement) {
    control.value = params.get(control.name) ?? control.options[0]?.value ?? "";
  } else if (!["submit", "button", "hidden"].includes(control.type)) {
    control.value = params.get(control.name) ?? "";
  }
}

/**
 * Puts the URL's values (`search`, canonical) into the fields, except the focused one: the person
 * typing there is ahead of the URL, and rewriting it would move the caret.
 */
export function useFormFollowsUrl(formRef: RefObject<HTMLFormElement>, search: string) {
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const params = new URLSearchParams(search);
    for (const element of Array.from(form.elements)) {
      if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) continue;
      if (!element.name || element === document.activeElement) continue;
      syncControl(element, params);
    }
  }, [formRef, search]);
}
