import type { Dictionary } from './dictionary';

/** Spanish. Typed as `Dictionary`: a missing or extra key is a compile error. */
export const es: Dictionary = {
  'app.name': 'Demarche',
  'app.tagline': 'Siga las demandas que su coalición presenta ante organismos internacionales',
  'app.pageTitle': '{page} · Demarche',

  'shell.skipLink': 'Saltar al contenido principal',
  'shell.nav.label': 'Principal',
  'shell.nav.overview': 'Resumen',
  'shell.language.label': 'Idioma',
  'shell.footer.about': 'Demarche es software libre y de código abierto para coaliciones de la sociedad civil.',
  'shell.footer.license': 'Publicado bajo la licencia GNU AGPL, versión 3 o posterior.',

  'home.title': 'Resumen',
  'home.heading': 'Le damos la bienvenida a Demarche',
  'home.intro.what':
    'Demarche ayuda a las coaliciones de la sociedad civil a seguir cada demanda que presentan ante organismos internacionales como las Naciones Unidas o la Organización de los Estados Americanos.',
  'home.intro.how':
    'Para cada demanda y cada organismo registra las respuestas recibidas, las acciones de seguimiento asignadas a las organizaciones miembro y los plazos importantes.',
  'home.intro.next':
    'El inicio de sesión y las campañas llegarán en las próximas versiones. Mientras tanto, este panel solo muestra si el servicio está funcionando.',

  'status.heading': 'Estado del servicio',
  'status.loading': 'Comprobando el servicio…',
  'status.summary.ok': 'Todos los sistemas están operativos.',
  'status.summary.unavailable': 'El servicio no está disponible. Sin respuesta: {components}.',
  'status.summary.unavailableGeneric': 'El servicio no está disponible.',
  'status.component.api': 'API',
  'status.component.database': 'Base de datos',
  'status.component.redis': 'Redis',
  'status.state.operational': 'Operativo',
  'status.state.unavailable': 'No disponible',
  'status.version': 'Versión de la API: {version}',
  'status.error': 'No se pudo contactar con el servicio. Compruebe su conexión e inténtelo de nuevo.',
  'status.error.code': 'Código de error: {code}',
  'status.error.requestId': 'ID de la solicitud: {requestId}',
  'status.retry': 'Reintentar',
  'status.refresh': 'Volver a comprobar',

  'notFound.title': 'Página no encontrada',
  'notFound.body': 'La página que busca no existe o ha cambiado de dirección.',
  'notFound.home': 'Ir al resumen',
};
