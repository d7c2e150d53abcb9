import { useState } from 'preact/hooks';

interface Props {
  /** The text to copy. */
  text: string;
  /** The element holding it, selected instead when the clipboard is not available. */
  target: string;
  label: string;
  done: string;
  disabled?: boolean;
}

/**
 * Copies `text` and says so in a status beside it. Without clipboard access (an http page, a
 * refused permission) the text is selected instead, so Ctrl+C copies it.
 */
export function CopyButton({ text, target, label, done, disabled }: Props) {
  const [copied, setCopied] = useState(false);
  const select = () => {
    const element = document.querySelector(target);
    const selection = getSelection();
    if (!element || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(element);
    selection.removeAllRanges();
    selection.addRange(range);
  };
  const copy = () => {
    const clipboard = navigator.clipboard;
    if (clipboard) clipboard.writeText(text).then(() => setCopied(true), select);
    else select();
  };
  return (
    <>
      <button type="button" onClick={copy} disabled={disabled}>{label}</button>
      <span class="status" role="status">{copied ? done : ''}</span>
    </>
  );
}
