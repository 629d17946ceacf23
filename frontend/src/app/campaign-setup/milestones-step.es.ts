import type { milestonesStepEn } from './milestones-step.en';

/** Spanish texts of the set-up's milestones step: exactly the keys of `milestonesStepEn`. */
export const milestonesStepEs: Readonly<Record<keyof typeof milestonesStepEn, string>> = {
  'setup.milestones.intro':
    'Los días del calendario de los órganos a los que escribe que importan para esta campaña. Añádalos antes que las demandas: el plazo de una demanda puede seguir un hito.',
  'setup.milestones.heading': 'Los hitos de la campaña, por día',
  'setup.milestones.loading': 'Cargando los hitos…',
  'setup.milestones.empty': 'Todavía no hay hitos.',
  'setup.milestones.empty.explain':
    'Un hito es un día que importa a los destinatarios de la carta: el fin de una presidencia del Consejo de Seguridad, la apertura de un período de sesiones del Consejo de Derechos Humanos. El plazo de una demanda puede seguirlo —entonces vence al final de ese día— y se desplaza con él si cambia de fecha. Añada el primero más abajo, o pase a las demandas si la campaña no necesita ninguno.',
  'setup.milestones.when': '{date}, {zone}',
  'setup.milestones.kind.deadline': 'Plazo',
  'setup.milestones.kind.context': 'Contexto',
  'setup.milestones.kind.campaign': 'Acción de la campaña',
  'setup.milestones.demands.zero': 'Todavía no lo sigue el plazo de ninguna demanda.',
  'setup.milestones.demands.one': 'Lo sigue el plazo de una demanda.',
  'setup.milestones.demands.other': 'Lo siguen los plazos de {count} demandas.',
  'setup.milestones.actions': 'Hito «{title}»',
  'setup.milestones.edit': 'Editar',
  'setup.milestones.delete': 'Eliminar',
  'setup.milestones.which': 'el hito «{title}»',
  'setup.milestones.delete.question.zero': '¿Eliminar el hito «{title}»?',
  'setup.milestones.delete.question.one':
    '¿Eliminar el hito «{title}»? El plazo de la demanda que lo sigue conserva su fecha, pero ya no se desplazará con ningún hito.',
  'setup.milestones.delete.question.other':
    '¿Eliminar el hito «{title}»? Los plazos de las {count} demandas que lo siguen conservan su fecha, pero ya no se desplazarán con ningún hito.',
  'setup.milestones.delete.confirm': 'Sí, eliminar',
  'setup.milestones.delete.deleting': 'Eliminando…',
  'setup.milestones.deleted.zero': 'Se ha eliminado el hito «{title}».',
  'setup.milestones.deleted.one': 'Se ha eliminado el hito «{title}». El plazo que lo seguía conserva su fecha.',
  'setup.milestones.deleted.other': 'Se ha eliminado el hito «{title}». Los {count} plazos que lo seguían conservan su fecha.',
  'setup.milestones.alreadyDeleted': 'Otra persona ya había eliminado el hito «{title}».',
  'setup.milestones.added': 'Se ha añadido el hito «{title}», el {date}.',
  'setup.milestones.saved': 'Se ha guardado el hito «{title}».',
  'setup.milestones.moved.one': 'El hito «{title}» cae ahora el {date}. El plazo de la demanda que lo sigue se ha desplazado con él.',
  'setup.milestones.moved.other':
    'El hito «{title}» cae ahora el {date}. Los plazos de las {count} demandas que lo siguen se han desplazado con él.',
  'setup.milestones.gone':
    'Otra persona eliminó este hito después de que se cargara la página. Vuelva a cargar la página para ver los hitos tal como están ahora.',

  'setup.milestones.add.heading': 'Añadir un hito',
  'setup.milestones.edit.heading': 'Editar el hito «{title}»',
  'setup.milestones.form.title': 'Título',
  'setup.milestones.form.title.hint': 'Como lo reconocerá la gente, p. ej., «Fin de la presidencia de Panamá en el Consejo de Seguridad».',
  'setup.milestones.form.title.required': 'Dé un título al hito.',
  'setup.milestones.form.kind': 'Tipo',
  'setup.milestones.form.kind.hint':
    'Plazo: un día en que pueden vencer demandas. Contexto: una fecha del calendario de los órganos que conviene tener presente. Acción de la campaña: algo que hace la coalición, como una rueda de prensa o un evento paralelo.',
  'setup.milestones.form.occursOn': 'Día',
  'setup.milestones.form.occursOn.required': 'Elija el día del hito.',
  'setup.milestones.form.timeZone': 'Zona horaria',
  'setup.milestones.form.timeZone.hint':
    'Donde se cuenta el día, normalmente en la sede del órgano: un plazo que sigue el hito vence allí a las 23:59.',
  'setup.milestones.form.timeZone.required': 'Elija una zona horaria.',
  'setup.milestones.form.moves.one':
    'El plazo de una demanda sigue este hito: si cambia el día o la zona horaria, el plazo se desplaza también.',
  'setup.milestones.form.moves.other':
    'Los plazos de {count} demandas siguen este hito: si cambia el día o la zona horaria, se desplazan también.',
  'setup.milestones.form.add': 'Añadir el hito',
  'setup.milestones.form.adding': 'Añadiendo…',
  'setup.milestones.form.save': 'Guardar el hito',
  'setup.milestones.form.saving': 'Guardando…',
};
