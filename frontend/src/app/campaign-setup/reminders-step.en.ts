/** English texts of the set-up's reminders step. Spread into campaign-setup.en.ts. */
export const remindersStepEn = {
  'setup.reminders.intro':
    'Demarche reminds people of the campaign’s deadlines — its demands’ and its follow-ups’ — by e-mail and in the dashboard, from the moment the campaign is marked as sent.',
  'setup.reminders.heading': 'When reminders go',
  'setup.reminders.default': 'The default reminders, as for every campaign that does not set its own.',
  'setup.reminders.custom': 'This campaign’s own reminders.',
  'setup.reminders.who':
    'Of a demand’s deadline, the coordinators of the campaign’s lead organizations are reminded; of a follow-up’s, the person it is assigned to — or, when it is assigned to an organization, that organization’s coordinators and members. Each in their own time zone, as their notification preferences allow. No reminder is sent for a time already past.',
  'setup.reminders.change': 'Change for this campaign',
  'setup.reminders.reset': 'Back to the default',
  'setup.reminders.reset.question': 'Use the default reminders again? This campaign’s own settings will be forgotten.',
  'setup.reminders.reset.confirm': 'Yes, use the default',
  'setup.reminders.reset.resetting': 'Going back to the default…',
  'setup.reminders.reset.done': 'The campaign uses the default reminders again.',
  'setup.reminders.saved': 'The campaign’s own reminders have been saved.',

  // The policy in words (reminder-policy-words.ts)
  'setup.reminders.words.before.oneDay': 'A reminder goes the day before each deadline, at {time} in each person’s own time zone.',
  'setup.reminders.words.before.oneDay.due':
    'A reminder goes the day before each deadline, at {time} in each person’s own time zone, and another when the deadline falls due.',
  'setup.reminders.words.before.single': 'A reminder goes {days} days before each deadline, at {time} in each person’s own time zone.',
  'setup.reminders.words.before.single.due':
    'A reminder goes {days} days before each deadline, at {time} in each person’s own time zone, and another when the deadline falls due.',
  'setup.reminders.words.before.several': 'Reminders go {days} days before each deadline, at {time} in each person’s own time zone.',
  'setup.reminders.words.before.several.due':
    'Reminders go {days} days before each deadline, at {time} in each person’s own time zone, and when the deadline falls due.',
  'setup.reminders.words.dueOnly': 'No reminder goes before a deadline; one goes when it falls due.',
  'setup.reminders.words.noneBefore': 'No reminder goes before a deadline, nor when it falls due.',
  'setup.reminders.words.overdue.none': 'Once a deadline has passed, no more reminders go.',
  'setup.reminders.words.overdue.once.one': 'After a deadline passes unanswered, one more reminder goes a day later.',
  'setup.reminders.words.overdue.once.other': 'After a deadline passes unanswered, one more reminder goes {every} days later.',
  'setup.reminders.words.overdue.every.one': 'After a deadline passes unanswered, a reminder goes every day for {for} days.',
  'setup.reminders.words.overdue.every.other': 'After a deadline passes unanswered, a reminder goes every {every} days for {for} days.',
  'setup.reminders.words.escalate.one':
    'A follow-up still not done a day after it was due is escalated: the coordinators of the lead organizations are told, and told again every day after that.',
  'setup.reminders.words.escalate.other':
    'A follow-up still not done {days} days after it was due is escalated: the coordinators of the lead organizations are told, and told again every {days} days after that.',

  // The form
  'setup.reminders.form.heading': 'This campaign’s reminders',
  'setup.reminders.form.daysBefore': 'Days before each deadline',
  'setup.reminders.form.daysBefore.hint':
    'Whole numbers from 1 to 60, separated by commas, e.g. 7, 2, 1. Leave it empty for no reminder before.',
  'setup.reminders.form.daysBefore.invalid': 'Write whole numbers of days from 1 to 60, separated by commas, such as 7, 2, 1.',
  'setup.reminders.form.daysBefore.tooMany': 'At most 10 reminders before a deadline: remove some days.',
  'setup.reminders.form.localTime': 'Time of day',
  'setup.reminders.form.localTime.hint': 'For the reminders before a deadline, in each person’s own time zone.',
  'setup.reminders.form.localTime.invalid': 'Choose a time of day, such as 09:00.',
  'setup.reminders.form.atDue': 'Also remind when the deadline falls due',
  'setup.reminders.form.overdue': 'After a deadline passes unanswered',
  'setup.reminders.form.overdueEveryDays': 'Remind every (days)',
  'setup.reminders.form.overdueEveryDays.hint': 'From 0 to 30; 0 for no reminders after the deadline.',
  'setup.reminders.form.overdueForDays': 'For (days after the deadline)',
  'setup.reminders.form.overdueForDays.hint': 'From 0 to 365.',
  'setup.reminders.form.escalateAfterDays': 'Escalate a follow-up overdue by (days)',
  'setup.reminders.form.escalateAfterDays.hint':
    'From 1 to 60. The coordinators of the lead organizations are told, and told again each time as many days pass.',
  'setup.reminders.form.range': 'Write a whole number from {min} to {max}.',
  'setup.reminders.form.preview': 'As you have set them',
  'setup.reminders.form.preview.invalid': 'The words will show here once every field holds an accepted value.',
  'setup.reminders.form.save': 'Save the reminders',
  'setup.reminders.form.saving': 'Saving…',
} as const;
