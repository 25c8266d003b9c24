import { useEffect, useState } from 'react';
import { loadDraft, onDraftChange, type Draft } from './draft-store';

/** The draft of this shopper for this assignment, kept current; `undefined` while it is being read. */
export function useDraft(userId: string | undefined, assignmentId: string): Draft | null | undefined {
  const [draft, setDraft] = useState<Draft | null | undefined>(undefined);
  useEffect(() => {
    if (!userId) return;
    let live = true;
    setDraft(undefined);
    void loadDraft(userId, assignmentId).then((loaded) => {
      if (live) setDraft(loaded);
    });
    const stop = onDraftChange(userId, assignmentId, (changed) => live && setDraft(changed));
    return () => {
      live = false;
      stop();
    };
  }, [userId, assignmentId]);
  return draft;
}
