// A modal dialog on the native <dialog> element: the browser traps focus, Escape closes it,
// and focus goes back to whatever opened it.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  narrow?: boolean;
  closeLabel?: string;
  /** a data-testid-like hook for tests and for styling one dialog */
  name?: string;
}

export function Dialog({ title, onClose, children, narrow, closeLabel = 'Close', name }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const opener = document.activeElement as HTMLElement | null;
    if (typeof d.showModal === 'function') { if (!d.open) d.showModal(); } else d.setAttribute('open', '');
    return () => {
      if (typeof d.close === 'function' && d.open) d.close();
      opener?.focus?.();
    };
  }, []);
  return (
    <dialog ref={ref} className={narrow ? 'dialog dialog-narrow' : 'dialog'} aria-labelledby={id} data-dialog={name}
      onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <div className="dialog-head">
        <h2 id={id}>{title}</h2>
        <button type="button" className="btn btn-quiet" onClick={onClose}>{closeLabel}</button>
      </div>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}

/** Asks before anything is removed. The safe choice has the focus first. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: {
  title: string; children: ReactNode; confirmLabel: string; onConfirm: () => void; onCancel: () => void;
}) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => { cancelRef.current?.focus(); }, []);
  return (
    <Dialog title={title} onClose={onCancel} narrow closeLabel="Cancel" name="confirm">
      {children}
      <div className="card-actions">
        <button ref={cancelRef} type="button" className="btn" onClick={onCancel}>Keep it</button>
        <button type="button" className="btn btn-danger" onClick={onConfirm}>{confirmLabel}</button>
      </div>
    </Dialog>
  );
}
