import type { remindersStepEn } from './reminders-step.en';

/** Spanish texts of the set-up's reminders step: exactly the keys of `remindersStepEn`. */
export const remindersStepEs: Readonly<Record<keyof typeof remindersStepEn, string>> = {
  'setup.reminders.intro':
    'Demarche recuerda a las personas los plazos de la campaña —los de sus demandas y los de sus seguimientos— por correo electrónico y en el panel, desde que la campaña se marca como enviada.',
  'setup.reminders.heading': 'Cuándo se envían los recordatorios',
  'setup.reminders.default': 'Los recordatorios por defecto, como en toda campaña que no fija los suyos.',
  'setup.reminders.custom': 'Los recordatorios propios de esta campaña.',
  'setup.reminders.who':
    'Del plazo de una demanda se avisa a las personas coordinadoras de las organizaciones líderes de la campaña; del de un seguimiento, a la persona a la que está asignado o, si está asignado a una organización, a sus personas coordinadoras y miembros. A cada cual en su propia zona horaria, según sus preferencias de notificación. Nunca se envía un recordatorio para una hora ya pasada.',
  'setup.reminders.change': 'Cambiar para esta campaña',
  'setup.reminders.reset': 'Volver a los de por defecto',
  'setup.reminders.reset.question': '¿Usar de nuevo los recordatorios por defecto? Se olvidarán los ajustes propios de esta campaña.',
  'setup.reminders.reset.confirm': 'Sí, usar los de por defecto',
  'setup.reminders.reset.resetting': 'Volviendo a los de por defecto…',
  'setup.reminders.reset.done': 'La campaña vuelve a usar los recordatorios por defecto.',
  'setup.reminders.saved': 'Se han guardado los recordatorios propios de la campaña.',

  'setup.reminders.words.before.oneDay':
    'Se envía un recordatorio el día anterior a cada plazo, a las {time} en la zona horaria de cada persona.',
  'setup.reminders.words.before.oneDay.due':
    'Se envía un recordatorio el día anterior a cada plazo, a las {time} en la zona horaria de cada persona, y otro cuando el plazo vence.',
  'setup.reminders.words.before.single':
    'Se envía un recordatorio {days} días antes de cada plazo, a las {time} en la zona horaria de cada persona.',
  'setup.reminders.words.before.single.due':
    'Se envía un recordatorio {days} días antes de cada plazo, a las {time} en la zona horaria de cada persona, y otro cuando el plazo vence.',
  'setup.reminders.words.before.several':
    'Se envían recordatorios {days} días antes de cada plazo, a las {time} en la zona horaria de cada persona.',
  'setup.reminders.words.before.several.due':
    'Se envían recordatorios {days} días antes de cada plazo, a las {time} en la zona horaria de cada persona, y cuando el plazo vence.',
  'setup.reminders.words.dueOnly': 'No se envía ningún recordatorio antes de un plazo; se envía uno cuando vence.',
  'setup.reminders.words.noneBefore': 'No se envía ningún recordatorio antes de un plazo ni cuando vence.',
  'setup.reminders.words.overdue.none': 'Una vez vencido un plazo, no se envían más recordatorios.',
  'setup.reminders.words.overdue.once.one': 'Si un plazo vence sin respuesta, se envía un último recordatorio al día siguiente.',
  'setup.reminders.words.overdue.once.other': 'Si un plazo vence sin respuesta, se envía un último recordatorio {every} días después.',
  'setup.reminders.words.overdue.every.one': 'Si un plazo vence sin respuesta, se envía un recordatorio cada día durante {for} días.',
  'setup.reminders.words.overdue.every.other':
    'Si un plazo vence sin respuesta, se envía un recordatorio cada {every} días durante {for} días.',
  'setup.reminders.words.escalate.one':
    'Si un seguimiento sigue sin hacerse un día después de su vencimiento, se escala: se avisa a las personas coordinadoras de las organizaciones líderes, y de nuevo cada día a partir de entonces.',
  'setup.reminders.words.escalate.other':
    'Si un seguimiento sigue sin hacerse {days} días después de su vencimiento, se escala: se avisa a las personas coordinadoras de las organizaciones líderes, y de nuevo cada {days} días a partir de entonces.',

  'setup.reminders.form.heading': 'Los recordatorios de esta campaña',
  'setup.reminders.form.daysBefore': 'Días antes de cada plazo',
  'setup.reminders.form.daysBefore.hint':
    'Números enteros del 1 al 60, separados por comas, p. ej., 7, 2, 1. Déjelo vacío para no enviar ningún recordatorio antes.',
  'setup.reminders.form.daysBefore.invalid': 'Escriba números enteros de días del 1 al 60, separados por comas, como 7, 2, 1.',
  'setup.reminders.form.daysBefore.tooMany': 'Como máximo 10 recordatorios antes de un plazo: quite algunos días.',
  'setup.reminders.form.localTime': 'Hora del día',
  'setup.reminders.form.localTime.hint': 'Para los recordatorios anteriores a un plazo, en la zona horaria de cada persona.',
  'setup.reminders.form.localTime.invalid': 'Elija una hora del día, como 09:00.',
  'setup.reminders.form.atDue': 'Recordar también cuando el plazo vence',
  'setup.reminders.form.overdue': 'Si un plazo vence sin respuesta',
  'setup.reminders.form.overdueEveryDays': 'Recordar cada (días)',
  'setup.reminders.form.overdueEveryDays.hint': 'Del 0 al 30; 0 para no enviar recordatorios después del plazo.',
  'setup.reminders.form.overdueForDays': 'Durante (días después del plazo)',
  'setup.reminders.form.overdueForDays.hint': 'Del 0 al 365.',
  'setup.reminders.form.escalateAfterDays': 'Escalar un seguimiento vencido tras (días)',
  'setup.reminders.form.escalateAfterDays.hint':
    'Del 1 al 60. Se avisa a las personas coordinadoras de las organizaciones líderes, y de nuevo cada vez que pasa ese número de días.',
  'setup.reminders.form.range': 'Escriba un número entero del {min} al {max}.',
  'setup.reminders.form.preview': 'Tal como los ha fijado',
  'setup.reminders.form.preview.invalid': 'El texto aparecerá aquí cuando todos los campos tengan un valor aceptado.',
  'setup.reminders.form.save': 'Guardar los recordatorios',
  'setup.reminders.form.saving': 'Guardando…',
};
