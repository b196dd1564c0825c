import { sectionsTitled, tasksIn } from '../sections';
import type { Rule } from './rule';
import { msg, said } from '../messages';

/** `unchecked-dod`: unchecked task items under a Definition of Done / Success Checklist heading. */
export const uncheckedDod: Rule<'unchecked-dod'> = {
  id: 'unchecked-dod',
  title: 'unchecked Definition-of-Done items',
  description: 'Unchecked items under a Definition of Done / Success Checklist heading.',
  check(model, context, report) {
    for (const section of sectionsTitled(model.headings, context.dodHeadings, model.text.length)) {
      for (const task of tasksIn(model.tasks, section)) {
        if (task.checked) continue;
        report({
          start: task.start,
          end: task.end,
          ...said('dodUnchecked', section.heading.text, task.label || msg('dodEmptyLabel')),
          data: { kind: 'task', markerStart: task.markerStart, markerEnd: task.markerEnd, label: task.label },
        });
      }
    }
  },
};
