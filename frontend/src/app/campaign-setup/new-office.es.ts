import type { newOfficeEn } from './new-office.en';

/** Spanish texts of the office picker's "add an addressee to the directory": exactly the keys of `newOfficeEn`. */
export const newOfficeEs: Readonly<Record<keyof typeof newOfficeEn, string>> = {
  'setup.newOffice.open': '¿No está en el directorio? Añádalo',
  'setup.newOffice.browse': 'Consultar el directorio',
  'setup.newOffice.newTab': '(se abre en una pestaña nueva)',
  'setup.newOffice.heading': 'Añadir un destinatario al directorio',
  'setup.newOffice.intro':
    'Se añade al directorio compartido, donde cualquier campaña puede dirigirse a él, y luego se elige como destinatario de esta demanda.',
  'setup.newOffice.submit': 'Añadir y elegir este cargo',
  'setup.newOffice.submitting': 'Añadiendo…',
  'setup.newOffice.added': 'Se ha añadido {office} al directorio y se ha elegido.',
};
