// The one message catalogue: every text the UI shows. A second language adds a second object
// with the same keys.

export const de = {
  "app.name": "Lotse",
  "app.tagline": "Wege in die Teilzeitausbildung",
  "app.skipToContent": "Zum Inhalt springen",
  "app.menu": "Menü",
  "app.about": "Über Lotse",

  "nav.main": "Hauptnavigation",
  "nav.uebersicht": "Übersicht",
  "nav.unternehmen": "Unternehmen",
  "nav.kontakte": "Kontakte",
  "nav.teilnehmende": "Teilnehmende",
  "nav.veranstaltungen": "Veranstaltungen",
  "nav.praktika": "Praktika",
  "nav.matching": "Matching",
  "nav.wiedervorlagen": "Wiedervorlagen",
  "nav.berichte": "Berichte",
  "nav.verwaltung": "Verwaltung",
  "nav.logout": "Abmelden",
  "nav.signedInAs": "Angemeldet als {name} ({role})",

  "role.admin": "Admin",
  "role.leitung": "Projektleitung",
  "role.jobcoach": "Jobcoach",
  "role.vermittlung": "Vermittlung",

  "login.title": "Anmelden",
  "login.email": "E-Mail-Adresse",
  "login.password": "Passwort",
  "login.submit": "Anmelden",
  "login.failed": "E-Mail-Adresse oder Passwort ist falsch.",
  "login.throttled":
    "Zu viele Fehlversuche. Bitte warten Sie {minutes} Minute(n) und versuchen Sie es dann erneut.",
  "login.demoTitle": "Demo-Modus",
  "login.demoText":
    "Diese Installation enthält erfundene Demodaten. Alle Demo-Zugänge haben das Passwort {password}:",
  "login.expired": "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.",
  "login.loggedOut": "Sie haben sich abgemeldet.",
  "logout.done": "Sie haben sich abgemeldet.",

  "field.required": "Bitte füllen Sie dieses Feld aus.",
  "field.email": "Bitte geben Sie eine gültige E-Mail-Adresse ein.",
  "field.tooLong": "Höchstens {max} Zeichen.",
  "field.invalidChoice": "Bitte wählen Sie einen gültigen Eintrag.",
  "password.tooShort": "Das Passwort muss mindestens 12 Zeichen lang sein.",
  "password.tooLong": "Das Passwort darf höchstens 128 Zeichen lang sein.",
  "password.common":
    "Dieses Passwort ist zu bekannt und leicht zu erraten. Bitte wählen Sie ein anderes.",
  "password.mismatch": "Die beiden Passwörter stimmen nicht überein.",

  "error.403.title": "Kein Zugriff",
  "error.403.text":
    "Für diese Seite fehlt Ihnen die Berechtigung. Wenden Sie sich bei Bedarf an die Projektleitung.",
  "error.404.title": "Seite nicht gefunden",
  "error.404.text": "Diese Seite gibt es nicht oder sie ist nicht mehr verfügbar.",
  "error.500.title": "Ein Fehler ist aufgetreten",
  "error.500.text":
    "Das hat leider nicht geklappt. Bitte versuchen Sie es noch einmal; Ihre Eingaben wurden nicht gespeichert.",
  "error.backHome": "Zur Übersicht",
  "error.origin": "Anfrage abgelehnt: Sie kam nicht von dieser Anwendung.",
  "error.stale":
    "Dieser Datensatz wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und übernehmen Sie Ihre Änderungen erneut.",

  "toast.close": "Meldung schließen",
  "toast.saved": "Gespeichert.",

  "dashboard.title": "Übersicht",
  "dashboard.welcome": "Guten Tag, {name}.",
  "dashboard.myFollowUps": "Meine offenen Wiedervorlagen",
  "dashboard.overdue": "davon überfällig",
  "dashboard.myParticipants": "Meine Teilnehmenden",
  "dashboard.companies": "Unternehmen",
  "dashboard.informed": "über Teilzeitausbildung informiert",
  "dashboard.participants": "Teilnehmende",
  "dashboard.inApprenticeship": "in Ausbildung",
  "dashboard.internships": "Erprobungspraktika",
  "dashboard.upcomingEvents": "Kommende Veranstaltungen",
  "dashboard.users": "Aktive Benutzer:innen",
  "dashboard.pendingInvitations": "Offene Einladungen",
  "dashboard.outbox": "E-Mails im Postausgang",

  "admin.title": "Verwaltung",
  "admin.users": "Benutzer:innen",
  "admin.outbox": "Postausgang",
  "admin.invite": "Benutzer:in einladen",
  "admin.name": "Name",
  "admin.email": "E-Mail-Adresse",
  "admin.role": "Rolle",
  "admin.status": "Status",
  "admin.lastLogin": "Letzte Anmeldung",
  "admin.active": "aktiv",
  "admin.inactive": "deaktiviert",
  "admin.never": "noch nie",
  "admin.changeRole": "Rolle ändern",
  "admin.saveRole": "Rolle speichern",
  "admin.deactivate": "Deaktivieren",
  "admin.reactivate": "Reaktivieren",
  "admin.sendInvite": "Einladung senden",
  "admin.invited": "Einladung an {email} wurde versandt.",
  "admin.roleChanged": "Rolle von {name} ist jetzt {role}.",
  "admin.deactivated": "{name} ist deaktiviert; alle Sitzungen wurden beendet.",
  "admin.reactivated": "{name} ist wieder aktiv.",
  "admin.notSelf": "Sie können Ihre eigene Rolle oder Ihren eigenen Zugang nicht ändern.",
  "admin.emailTaken": "Für diese E-Mail-Adresse gibt es bereits einen Zugang.",
  "admin.pendingInvitations": "Offene Einladungen",
  "admin.expiresAt": "gültig bis",
  "admin.noInvitations": "Keine offenen Einladungen.",
  "admin.outboxEmpty": "Der Postausgang ist leer.",
  "admin.outboxHint":
    "Ohne RESEND_API_KEY werden E-Mails nicht versandt, sondern hier abgelegt (Demo-Modus).",
  "admin.outboxTo": "An",
  "admin.outboxSubject": "Betreff",
  "admin.outboxCreated": "Erstellt",
  "admin.outboxStatus": "Status",
  "admin.outboxShow": "Inhalt anzeigen",
  "outbox.status.pending": "wartet",
  "outbox.status.sending": "wird gesendet",
  "outbox.status.sent": "gesendet",
  "outbox.status.failed": "fehlgeschlagen",
  "outbox.status.held": "abgelegt (kein Versand)",

  "invite.title": "Zugang einrichten",
  "invite.intro":
    "Willkommen bei Lotse, {name}. Legen Sie Ihr Passwort fest (mindestens 12 Zeichen).",
  "invite.password": "Neues Passwort",
  "invite.passwordRepeat": "Passwort wiederholen",
  "invite.submit": "Zugang einrichten",
  "invite.invalid":
    "Dieser Einladungslink ist ungültig, abgelaufen oder wurde bereits benutzt. Bitten Sie Ihre Administration um eine neue Einladung.",
  "invite.done": "Ihr Zugang ist eingerichtet. Willkommen!",
  "invite.email.subject": "Ihre Einladung zu Lotse",
  "invite.email.greeting": "Guten Tag {name},",
  "invite.email.body":
    "{inviter} hat Sie zu Lotse eingeladen, Ihrer Arbeitsumgebung für die Begleitung in Teilzeitausbildung. Ihre Rolle: {role}.",
  "invite.email.cta": "Zugang einrichten",
  "invite.email.expiry": "Der Link ist bis {date} gültig und kann nur einmal benutzt werden.",
  "invite.email.ignore":
    "Wenn Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.",

  "table.empty": "Keine Einträge.",
  "about.title": "Über Lotse",
  "about.text":
    "Lotse unterstützt Projekte, die junge Alleinerziehende in (Teilzeit-)Ausbildung begleiten.",
  "about.sources": "Datenquellen",
  "about.geonames":
    "Postleitzahlen und Koordinaten: GeoNames (geonames.org), Lizenz Creative Commons Namensnennung 4.0.",
  "about.kldb":
    "Berufe: Klassifikation der Berufe 2010 – überarbeitete Fassung 2020, Statistik der Bundesagentur für Arbeit.",
} as const;

export type MessageKey = keyof typeof de;

/** Looks up a German text and fills `{name}` placeholders. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text: string = de[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}
