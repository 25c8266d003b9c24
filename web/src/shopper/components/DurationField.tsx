// A duration: typed as mm:ss, or timed with a stopwatch that keeps running across a reload (its start is
// kept in the draft).
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMinutesSeconds, toMinutesSeconds } from '../form-model';

interface Props {
  label: ReactNode;
  questionText: string;
  seconds: number | null;
  onChange: (seconds: number | null) => void;
  disabled: boolean;
  startedAt: number | undefined;
  onStopwatchChange: (startedAt: number | undefined) => void;
  aria: { 'aria-describedby'?: string; 'aria-invalid'?: boolean };
}

export function DurationField({ label, questionText, seconds, onChange, disabled, startedAt, onStopwatchChange, aria }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(seconds === null ? '' : toMinutesSeconds(seconds));
  const [invalid, setInvalid] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  // The typed text follows the value when it changes from elsewhere (the stopwatch, a restored draft).
  useEffect(() => {
    setText((current) => (parseMinutesSeconds(current) === seconds ? current : seconds === null ? '' : toMinutesSeconds(seconds)));
  }, [seconds]);

  useEffect(() => {
    if (startedAt === undefined) return;
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [startedAt]);

  const running = startedAt !== undefined;
  const elapsed = running ? Math.max(0, (now - startedAt) / 1000) : 0;
  const toggle = () => {
    if (running) {
      onChange(Math.round((Date.now() - startedAt) / 1000));
      onStopwatchChange(undefined);
    } else {
      setNow(Date.now());
      onStopwatchChange(Date.now());
    }
  };
  return (
    <Stack gap={6}>
      <TextInput
        label={label}
        description={t('shopper.form.durationHint')}
        placeholder="mm:ss"
        inputMode="numeric"
        value={text}
        disabled={disabled || running}
        error={invalid ? t('shopper.form.durationInvalid') : undefined}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          const parsed = parseMinutesSeconds(next);
          setInvalid(next.trim() !== '' && parsed === null);
          onChange(next.trim() === '' ? null : parsed);
        }}
        {...aria}
      />
      <Group gap="sm">
        <Button
          variant={running ? 'filled' : 'light'}
          color={running ? 'red.8' : undefined}
          onClick={toggle}
          disabled={disabled}
          aria-label={`${running ? t('shopper.form.stopwatchStop') : t('shopper.form.stopwatchStart')}: ${questionText}`}
        >
          {running ? t('shopper.form.stopwatchStop') : t('shopper.form.stopwatchStart')}
        </Button>
        {running && (
          <Text className="tabular" fw={600} role="timer" aria-live="off">
            {t('shopper.form.stopwatchRunning', { time: toMinutesSeconds(elapsed) })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
