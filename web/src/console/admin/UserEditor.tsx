// Editing one user from the users page: name, active, role and client (a consultant may only make shoppers
// and client users, as the API rules), sent with the version read; and a one-time password-reset token,
// shown once with a copy button. The API's 422 details are shown on their fields, a 409 in words.
import { Alert, Button, CopyButton, Group, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { useFormat } from '../../shared/format/format';
import { ConsoleApiError, unwrapDetailed, useConsoleClients, type User } from '../api';
import { problemAt } from '../components/problems';
import './strings';

type Role = User['role'];

export function UserEditor({ user, roles, onClose }: { user: User; roles: Role[]; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const clients = useConsoleClients();
  const [form, setForm] = useState({ name: user.name ?? '', active: user.active, role: user.role, clientId: user.clientId });
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: async () =>
      unwrapDetailed(
        await api.PATCH('/users/{id}', {
          params: { path: { id: user.id } },
          body: {
            version: user.version,
            name: form.name.trim() ? form.name.trim() : null,
            active: form.active,
            ...(form.role !== user.role ? { role: form.role } : {}),
            ...(form.role === 'client' ? { clientId: form.clientId } : form.role !== user.role ? { clientId: null } : {}),
          },
        }),
      ),
    onMutate: () => setSaved(false),
    onSuccess: async () => {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['console', 'users'] });
    },
  });
  const error = save.error instanceof ConsoleApiError ? save.error : null;
  const problems = error?.details ?? [];
  const stale = error?.status === 409;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const roleChoices = roles.includes(user.role) ? roles : [user.role, ...roles];
  return (
    <Paper withBorder p="md" data-testid="user-editor">
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('console.admin.editTitle', { email: user.email })}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('console.people.name')}
              value={form.name}
              error={problemAt(problems, 'name')}
              onChange={(event) => setForm({ ...form, name: event.currentTarget.value })}
            />
            <Select
              label={t('console.people.role')}
              data={roleChoices.map((value) => ({ value, label: t(`console.people.roles.${value}`) }))}
              value={form.role}
              allowDeselect={false}
              error={problemAt(problems, 'role')}
              onChange={(value) => value && setForm({ ...form, role: value as Role })}
            />
            {form.role === 'client' && (
              <Select
                label={t('console.c.client')}
                required
                data={(clients.data ?? []).map((client) => ({ value: client.id, label: client.name }))}
                value={form.clientId}
                error={problemAt(problems, 'clientId')}
                onChange={(value) => setForm({ ...form, clientId: value })}
              />
            )}
          </SimpleGrid>
          <Switch
            label={t('console.admin.active')}
            checked={form.active}
            data-testid="user-active"
            onChange={(event) => setForm({ ...form, active: event.currentTarget.checked })}
          />
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="user-save">
              {t('console.admin.save')}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Group>
          {save.isError && (
            <Alert color="red" role="alert" data-testid="user-save-failure">
              {stale ? t('console.admin.stale') : save.error.message}
            </Alert>
          )}
          {saved && (
            <Alert color="teal" role="status" data-testid="user-saved">
              {t('console.admin.saved', { email: user.email })}
            </Alert>
          )}
        </Stack>
      </form>
      <PasswordReset user={user} />
    </Paper>
  );
}

function PasswordReset({ user }: { user: User }) {
  const { t } = useTranslation();
  const format = useFormat();
  const issue = useMutation({
    mutationFn: async () => unwrapDetailed(await api.POST('/users/{id}/password-reset', { params: { path: { id: user.id } } })),
  });
  return (
    <Stack gap="xs" mt="md">
      <Title order={3} size="h5">
        {t('console.admin.reset')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('console.admin.resetHint')}
      </Text>
      <Group>
        <Button variant="light" loading={issue.isPending} onClick={() => issue.mutate()} data-testid="reset-issue">
          {t('console.admin.resetIssue')}
        </Button>
      </Group>
      {issue.isError && (
        <Alert color="red" role="alert">
          {issue.error.message}
        </Alert>
      )}
      {issue.data && (
        <Alert color="yellow" role="status" data-testid="reset-token">
          <Text size="sm" fw={600}>
            {t('console.admin.resetShown', { when: format.dateTime(issue.data.expiresAt) })}
          </Text>
          <Group gap="xs" mt={4} wrap="nowrap">
            <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }} data-testid="reset-token-value">
              {issue.data.token}
            </Text>
            <CopyButton value={issue.data.token}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" onClick={copy}>
                  {copied ? t('console.admin.copied') : t('console.admin.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
