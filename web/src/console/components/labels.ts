// Small helpers the console's pages share: names of channels and statuses in the current language.
import { useReportLabels } from '../../shared/i18n';

export function useChannelName(): (channel: string) => string {
  const labels = useReportLabels();
  return (channel) => labels.channelNames[channel] ?? channel;
}

export function useDimensionName(): (dimension: string) => string {
  const labels = useReportLabels();
  return (dimension) => labels.dimensionNames[dimension] ?? dimension;
}

/** Whether a key press comes from somewhere the user types (shortcuts must not fire there). */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.getAttribute('role') === 'combobox';
}
