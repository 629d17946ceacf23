import type { coalitionStepEn } from './coalition-step.en';

/** Spanish texts of the set-up's coalition step: exactly the keys of `coalitionStepEn`. */
export const coalitionStepEs: Readonly<Record<keyof typeof coalitionStepEn, string>> = {
  'setup.coalition.intro':
    'Las organizaciones líderes coordinan la campaña —sus personas coordinadoras la preparan, hacen avanzar sus demandas y asignan los seguimientos— y firman la carta. Las firmantes firman la carta y registran las respuestas que reciben.',
  'setup.coalition.heading': 'Organizaciones de la coalición',
  'setup.coalition.empty': 'Ninguna organización forma parte aún de esta campaña.',
  'setup.coalition.role.lead': 'Organización líder',
  'setup.coalition.role.signatory': 'Firmante',
  'setup.coalition.role.lead.hint': 'Coordina la campaña y firma la carta: sus personas coordinadoras pueden cambiar esta preparación.',
  'setup.coalition.role.signatory.hint': 'Firma la carta; sus integrantes registran las respuestas que reciben.',
  'setup.coalition.own': 'Su organización',
  'setup.coalition.actions': 'Acciones para {name}',
  'setup.coalition.makeLead': 'Hacer líder',
  'setup.coalition.makeSignatory': 'Hacer firmante',
  'setup.coalition.which': '({name})',
  'setup.coalition.remove': 'Quitar',
  'setup.coalition.lastLead':
    'Es la única organización líder de la campaña, y toda campaña necesita una. Para cambiar su papel o quitarla, añada antes otra organización líder.',
  'setup.coalition.ownKept':
    'Para sacar a su propia organización de la campaña, pídaselo a una persona coordinadora de otra organización líder o a una persona administradora: sin ella, usted ya no podría abrir esta campaña.',
  'setup.coalition.remove.question': '¿Quitar a {name} de la coalición?',
  'setup.coalition.remove.confirm': 'Sí, quitar',
  'setup.coalition.remove.removing': 'Quitando…',
  'setup.coalition.removed': 'Se ha quitado a {name} de la coalición.',
  'setup.coalition.demote.question':
    '¿Hacer firmante a {name}, su organización? Sus personas coordinadoras, usted incluida, ya no podrán preparar ni coordinar esta campaña.',
  'setup.coalition.demote.confirm': 'Sí, hacerla firmante',
  'setup.coalition.demote.changing': 'Cambiando…',
  'setup.coalition.changed.lead': '{name} es ahora una organización líder.',
  'setup.coalition.changed.signatory': '{name} es ahora firmante.',
  'setup.coalition.updated': 'Se ha actualizado la coalición.',
  'setup.coalition.error.lastLead':
    'Toda campaña necesita al menos una organización líder, y esta es ahora la única: otra persona cambió la coalición mientras tanto. Vuelva a cargarla para ver cómo está.',
  'setup.coalition.error.gone':
    'Esta organización ya no está en la coalición, o ya no está en Demarche: otra persona la cambió mientras tanto. Vuelva a cargar la coalición para ver cómo está.',
  'setup.coalition.reload': 'Volver a cargar la coalición',
  'setup.coalition.reloading': 'Cargando…',
  'setup.coalition.reloaded': 'Se ha vuelto a cargar la coalición.',

  'setup.coalition.invitations.heading': 'Invitadas, a la espera de respuesta',
  'setup.coalition.invitations.hint':
    'Cada organización se une cuando sus personas coordinadoras aceptan. Mientras tanto, usted solo ve su nombre.',
  'setup.coalition.invitation.lead': 'Invitada como organización líder: se une cuando sus personas coordinadoras acepten',
  'setup.coalition.invitation.signatory': 'Invitada como firmante: se une cuando sus personas coordinadoras acepten',
  'setup.coalition.withdraw': 'Retirar la invitación',
  'setup.coalition.withdraw.which': 'a {name}',
  'setup.coalition.withdraw.question': '¿Retirar la invitación a {name}?',
  'setup.coalition.withdraw.confirm': 'Sí, retirarla',
  'setup.coalition.withdraw.withdrawing': 'Retirando…',
  'setup.coalition.withdrawn': 'Se ha retirado la invitación a {name}.',

  'setup.coalition.add.heading': 'Añadir una organización',
  'setup.coalition.invite.heading': 'Invitar a una organización',
  'setup.coalition.organization': 'Organización',
  'setup.coalition.organization.hint':
    'Escriba parte de su nombre; luego elíjala con las flechas e Intro, o haga clic en ella. Solo se encuentran las organizaciones que ya están en Demarche.',
  'setup.coalition.organization.list': 'Organizaciones encontradas',
  'setup.coalition.organization.required': 'Elija una organización de la lista.',
  'setup.coalition.search.searching': 'Buscando las organizaciones…',
  'setup.coalition.search.results.one': 'Se encontró una organización.',
  'setup.coalition.search.results.other': 'Se encontraron {count} organizaciones.',
  'setup.coalition.search.noResults': 'Ninguna organización de Demarche coincide con «{query}».',
  'setup.coalition.search.allTaken': 'Todas las organizaciones que coinciden con «{query}» ya están en la coalición o invitadas.',
  'setup.coalition.search.error': 'No se pudieron buscar las organizaciones. Compruebe su conexión y vuelva a intentarlo.',
  'setup.coalition.search.retry': 'Buscar de nuevo',
  'setup.coalition.search.newByAdmin':
    'Las organizaciones nuevas las añade a Demarche una persona administradora: pídale que la añada y vuelva luego para invitarla.',
  'setup.coalition.search.newAdmin':
    'Una organización nueva en Demarche se añade primero en la administración y después se incorpora aquí.',
  'setup.coalition.search.adminLink': 'Ir a las organizaciones',
  'setup.coalition.chosen': 'Elegida: {name}',
  'setup.coalition.add.gone': 'Esta organización ya no está en Demarche (puede que se haya desactivado). Busque otra.',
  'setup.coalition.role': 'Su papel en la campaña',
  'setup.coalition.join.add':
    'Como persona administradora, usted añade la organización directamente: forma parte de la coalición de inmediato.',
  'setup.coalition.join.invite':
    'Las organizaciones se invitan, no se añaden: Demarche avisa a sus personas coordinadoras y la organización se une cuando ellas aceptan. Mientras tanto, usted solo ve su nombre.',
  'setup.coalition.add.submit': 'Añadir a la coalición',
  'setup.coalition.add.submitting': 'Añadiendo…',
  'setup.coalition.invite.submit': 'Enviar la invitación',
  'setup.coalition.invite.submitting': 'Enviando…',
  'setup.coalition.added.lead': 'Añadida como organización líder: {name} ya forma parte de la coalición.',
  'setup.coalition.added.signatory': 'Añadida como firmante: {name} ya forma parte de la coalición.',
  'setup.coalition.invited.lead': 'Invitada: {name} se unirá como organización líder cuando sus personas coordinadoras acepten.',
  'setup.coalition.invited.signatory': 'Invitada: {name} se unirá como firmante cuando sus personas coordinadoras acepten.',
};
