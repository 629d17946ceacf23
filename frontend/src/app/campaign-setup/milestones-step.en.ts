/** English texts of the set-up's milestones step. Spread into campaign-setup.en.ts. */
export const milestonesStepEn = {
  'setup.milestones.intro':
    'The days in the calendar of the bodies you write to that matter to this campaign. Add them before the demands: a demand’s deadline can follow a milestone.',
  'setup.milestones.heading': 'The campaign’s milestones, by day',
  'setup.milestones.loading': 'Loading the milestones…',
  'setup.milestones.empty': 'No milestones yet.',
  'setup.milestones.empty.explain':
    'A milestone is a day that matters to the letter’s addressees: the end of a Security Council presidency, the opening of a Human Rights Council session. A demand’s deadline can follow it — it is then due at the end of that day — and moves with it if its date changes. Add the first one below, or go on to the demands if the campaign needs none.',
  'setup.milestones.when': '{date}, {zone}',
  'setup.milestones.kind.deadline': 'Deadline',
  'setup.milestones.kind.context': 'Background',
  'setup.milestones.kind.campaign': 'Campaign action',
  'setup.milestones.demands.zero': 'No demand’s deadline follows it yet.',
  'setup.milestones.demands.one': 'The deadline of one demand follows it.',
  'setup.milestones.demands.other': 'The deadlines of {count} demands follow it.',
  'setup.milestones.actions': 'Milestone “{title}”',
  'setup.milestones.edit': 'Edit',
  'setup.milestones.delete': 'Delete',
  'setup.milestones.which': 'milestone “{title}”',
  'setup.milestones.delete.question.zero': 'Delete the milestone “{title}”?',
  'setup.milestones.delete.question.one':
    'Delete the milestone “{title}”? The deadline of the demand that follows it keeps its date, but will no longer move with a milestone.',
  'setup.milestones.delete.question.other':
    'Delete the milestone “{title}”? The deadlines of the {count} demands that follow it keep their date, but will no longer move with a milestone.',
  'setup.milestones.delete.confirm': 'Yes, delete',
  'setup.milestones.delete.deleting': 'Deleting…',
  'setup.milestones.deleted.zero': 'The milestone “{title}” has been deleted.',
  'setup.milestones.deleted.one': 'The milestone “{title}” has been deleted. The deadline that followed it keeps its date.',
  'setup.milestones.deleted.other': 'The milestone “{title}” has been deleted. The {count} deadlines that followed it keep their date.',
  'setup.milestones.alreadyDeleted': 'The milestone “{title}” had already been deleted by someone else.',
  'setup.milestones.added': 'The milestone “{title}” has been added, on {date}.',
  'setup.milestones.saved': 'The milestone “{title}” has been saved.',
  'setup.milestones.moved.one':
    'The milestone “{title}” now falls on {date}. The deadline of the demand that follows it has moved with it.',
  'setup.milestones.moved.other':
    'The milestone “{title}” now falls on {date}. The deadlines of the {count} demands that follow it have moved with it.',
  'setup.milestones.gone':
    'This milestone has been deleted by someone else since the page loaded. Reload the page to see the milestones as they are now.',

  'setup.milestones.add.heading': 'Add a milestone',
  'setup.milestones.edit.heading': 'Edit the milestone “{title}”',
  'setup.milestones.form.title': 'Title',
  'setup.milestones.form.title.hint': 'As people will recognize it, e.g. “End of the Security Council presidency of Panama”.',
  'setup.milestones.form.title.required': 'Give the milestone a title.',
  'setup.milestones.form.kind': 'Kind',
  'setup.milestones.form.kind.hint':
    'Deadline: a day demands can fall due on. Background: a date in the bodies’ calendar worth keeping in view. Campaign action: something the coalition does, such as a press conference or a side event.',
  'setup.milestones.form.occursOn': 'Day',
  'setup.milestones.form.occursOn.required': 'Choose the day of the milestone.',
  'setup.milestones.form.timeZone': 'Time zone',
  'setup.milestones.form.timeZone.hint':
    'Where the day is counted, usually at the body’s seat: a deadline that follows the milestone falls due at 23:59 there.',
  'setup.milestones.form.timeZone.required': 'Choose a time zone.',
  'setup.milestones.form.moves.one': 'The deadline of one demand follows this milestone: a new day or time zone moves it too.',
  'setup.milestones.form.moves.other': 'The deadlines of {count} demands follow this milestone: a new day or time zone moves them too.',
  'setup.milestones.form.add': 'Add the milestone',
  'setup.milestones.form.adding': 'Adding…',
  'setup.milestones.form.save': 'Save the milestone',
  'setup.milestones.form.saving': 'Saving…',
} as const;
