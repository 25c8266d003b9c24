// The definition checker's problems (the API's 422 `details`), each shown next to the field its path names:
// `title`, `sections[0].weight`, `sections[0].questions[2].options`, `…options[1].points`, `…showIf.questionKey`.
import { List, Text } from '@mantine/core';
import { createContext, useContext, type ReactNode } from 'react';
import type { ErrorDetail } from '../api';

export const ProblemsContext = createContext<ErrorDetail[]>([]);

export function useProblems(): ErrorDetail[] {
  return useContext(ProblemsContext);
}

/** The problems whose path is exactly `path`, as a Mantine `error` node (or undefined). */
export function problemAt(all: ErrorDetail[], path: string): ReactNode | undefined {
  const problems = all.filter((problem) => problem.field === path);
  if (problems.length === 0) return undefined;
  return <span data-problem-for={path}>{problems.map((problem) => problem.reason).join('; ')}</span>;
}

/** The problems under `prefix` that no field of `shown` displays (e.g. a question's rule about its own shape). */
export function OtherProblems({ prefix, shown }: { prefix: string; shown: (path: string) => boolean }) {
  const problems = useContext(ProblemsContext).filter(
    (problem) =>
      (prefix === '' || problem.field === prefix || problem.field.startsWith(`${prefix}.`) || problem.field.startsWith(`${prefix}[`)) &&
      !shown(problem.field),
  );
  if (problems.length === 0) return null;
  return (
    <List size="sm" c="red.9">
      {problems.map((problem) => (
        <List.Item key={problem.field + problem.reason}>
          <Text span size="sm" c="red.9" data-problem-for={problem.field}>
            {problem.reason}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** Drops the problems at `path` and below it: the author has just changed that field. */
export function withoutProblemsAt(problems: ErrorDetail[], path: string): ErrorDetail[] {
  return problems.filter(
    (problem) => !(problem.field === path || problem.field.startsWith(`${path}.`) || problem.field.startsWith(`${path}[`)),
  );
}
