import type { homeEn } from './home.en';

/** Spanish texts of the home page's parts: exactly the keys of `homeEn`. */
export const homeEs: Readonly<Record<keyof typeof homeEn, string>> = {
  'home.invitations.heading': 'Invitaciones a unirse a una campaña',
  'home.invitations.intro':
    'Hasta que su organización acepte, quienes la invitaron solo ven su nombre. Al aceptar, las personas que coordinan la campaña podrán ver su organización y a sus integrantes.',
  'home.invitations.offer': '{organization} invita a su organización a unirse como {role}.',
  'home.invitations.offerUnknown': 'Su organización está invitada a unirse como {role}.',
  'home.invitations.sentBy': 'Enviada por {name} el {date}.',
  'home.invitations.sent': 'Enviada el {date}.',
  'home.invitations.role.lead': 'organización coordinadora (coordina y firma)',
  'home.invitations.role.signatory': 'firmante',
  'home.invitations.accept': 'Aceptar',
  'home.invitations.accepting': 'Aceptando…',
  'home.invitations.decline': 'Rechazar',
  'home.invitations.declining': 'Rechazando…',
  'home.invitations.accepted': 'Aceptada: su organización ya forma parte de esta campaña.',
  'home.invitations.open': 'Abrir la campaña',
  'home.invitations.declined': 'Rechazada: su organización no participará en esta campaña.',
  'home.invitations.decided': 'Esta invitación ya fue respondida o retirada. Recargue la página para ver su estado.',
  'home.invitations.gone': 'Esta invitación ya no existe.',
};
