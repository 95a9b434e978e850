// The dashboard's words in English, Swedish and Norwegian Bokmål. The national table's labels come from the statistics
// API in the same language (lang=); codes never change.
'use strict';

const TEXTS = {
  en: {
    title: 'Housing First outcomes', language: 'Language', asOf: 'As of',
    subtitle: 'Figures of your own municipality; the national table is disclosure-controlled.',
    signIn: 'Sign in', signInText: 'Paste a bearer token of your organisation (role analyst or reporter).',
    showMine: 'Show my municipality',
    expired: 'Your sign-in has expired or is not valid. Sign in again with a new token to see the figures.',
    forbidden: 'Your role may not read these figures (analyst or reporter needed).',
    retention6: 'Retention 6 months', retention12: 'Retention 12 months', retention24: 'Retention 24 months',
    firstHand: 'First-hand leases', support: 'Support last month',
    retentionNote: '{0} of {1} ({2} died, {3} censored)', provisionalFigure: 'provisional', finalFigure: 'final',
    firstHandNote: '{0} of {1} active tenancies; {2} converted this year',
    engagementNote: 'contacts per participant-month in {0}; {1} without contact; offers declined {2}',
    curvesTitle: 'Housing retention by move-in year (Kaplan–Meier)', bandFor: '95 % confidence band for',
    movedIn: 'moved in {0}', monthsSince: 'months since first move-in', shareHoused: 'share still housed',
    curveNote: '{0} move-in cohorts; event: housing lost without rehousing within 14 days; deaths and long-term care censored.',
    noData: 'No data yet: nobody in your municipality has moved in.',
    qolTitle: 'Quality of life: change from baseline to 12 months (WHOQOL-BREF, 0–100)', domain: 'domain',
    meanChange: 'mean change', interval: '95 % CI', meanChangePoints: 'mean change (points)', to: 'to',
    qolDomains: { physical: 'physical', psychological: 'psychological', social: 'social relationships', environment: 'environment' },
    fidelityTitle: 'Programme fidelity to Housing First', programme: 'programme', scale: 'scale', assessed: 'assessed',
    total: 'total', ofMaximum: '% of maximum', domains: 'domain means (1–4)',
    noFidelity: 'No fidelity assessment recorded.', notCurrent: 'older than 24 months',
    nationalTitle: 'National statistics: 12-month retention', region: 'region', release: 'release {0}',
    notReleased: 'not released yet',
    indicatorsTitle: 'National indicators', indicator: 'indicator',
    situationsTitle: 'New enrolments by homelessness situation at entry, {0}', share: 'share',
    symbols: ': suppressed to protect individuals · . no participants · r revised since the quarter\'s first release · p provisional, not yet released',
    failed: 'Could not load every figure: {0}'
  },
  sv: {
    title: 'Uppföljning av bostad först', language: 'Språk', asOf: 'Per',
    subtitle: 'Siffror för din egen kommun; den nationella tabellen är skyddad mot röjande.',
    signIn: 'Logga in', signInText: 'Klistra in en bearer-token för din organisation (roll analyst eller reporter).',
    showMine: 'Visa min kommun',
    expired: 'Din inloggning har gått ut eller är ogiltig. Logga in igen med en ny token för att se siffrorna.',
    forbidden: 'Din roll får inte läsa de här siffrorna (analyst eller reporter behövs).',
    retention6: 'Kvarboende 6 månader', retention12: 'Kvarboende 12 månader', retention24: 'Kvarboende 24 månader',
    firstHand: 'Förstahandskontrakt', support: 'Stöd förra månaden',
    retentionNote: '{0} av {1} ({2} avlidna, {3} censurerade)', provisionalFigure: 'preliminärt', finalFigure: 'slutligt',
    firstHandNote: '{0} av {1} aktiva hyresförhållanden; {2} omvandlade i år',
    engagementNote: 'kontakter per deltagarmånad i {0}; {1} utan kontakt; avböjda erbjudanden {2}',
    curvesTitle: 'Kvarboende efter inflyttningsår (Kaplan–Meier)', bandFor: '95 % konfidensband för',
    movedIn: 'inflyttade {0}', monthsSince: 'månader sedan första inflyttning', shareHoused: 'andel som bor kvar',
    curveNote: '{0} inflyttningskohorter; händelse: bostaden förlorad utan ny bostad inom 14 dagar; dödsfall och långvarig vård censurerade.',
    noData: 'Inga uppgifter än: ingen i din kommun har flyttat in.',
    qolTitle: 'Livskvalitet: förändring från start till 12 månader (WHOQOL-BREF, 0–100)', domain: 'område',
    meanChange: 'medelförändring', interval: '95 % KI', meanChangePoints: 'medelförändring (poäng)', to: 'till',
    qolDomains: { physical: 'fysisk hälsa', psychological: 'psykiskt välbefinnande', social: 'sociala relationer', environment: 'miljö' },
    fidelityTitle: 'Programmens trohet mot bostad först (fidelity)', programme: 'program', scale: 'skala',
    assessed: 'bedömd', total: 'summa', ofMaximum: '% av max', domains: 'medel per område (1–4)',
    noFidelity: 'Ingen fidelitybedömning registrerad.', notCurrent: 'äldre än 24 månader',
    nationalTitle: 'Nationell statistik: kvarboende efter 12 månader', region: 'region', release: 'publicering {0}',
    notReleased: 'inte publicerad än',
    indicatorsTitle: 'Nationella indikatorer', indicator: 'indikator',
    situationsTitle: 'Nya inskrivningar efter hemlöshetssituation vid inskrivning, {0}', share: 'andel',
    symbols: ': dold för att skydda enskilda · . inga deltagare · r reviderad sedan kvartalets första publicering · p preliminär, ännu inte publicerad',
    failed: 'Kunde inte hämta alla siffror: {0}'
  },
  nb: {
    title: 'Oppfølging av Housing First', language: 'Språk', asOf: 'Per',
    subtitle: 'Tall for din egen kommune; den nasjonale tabellen er beskyttet mot avsløring.',
    signIn: 'Logg inn', signInText: 'Lim inn en bearer-token for organisasjonen din (rolle analyst eller reporter).',
    showMine: 'Vis min kommune',
    expired: 'Innloggingen din er utløpt eller ugyldig. Logg inn igjen med en ny token for å se tallene.',
    forbidden: 'Rollen din kan ikke lese disse tallene (analyst eller reporter trengs).',
    retention6: 'Bostabilitet 6 måneder', retention12: 'Bostabilitet 12 måneder', retention24: 'Bostabilitet 24 måneder',
    firstHand: 'Egne leiekontrakter', support: 'Oppfølging forrige måned',
    retentionNote: '{0} av {1} ({2} døde, {3} sensurert)', provisionalFigure: 'foreløpig', finalFigure: 'endelig',
    firstHandNote: '{0} av {1} aktive leieforhold; {2} konvertert i år',
    engagementNote: 'kontakter per deltakermåned i {0}; {1} uten kontakt; avslåtte tilbud {2}',
    curvesTitle: 'Bostabilitet etter innflyttingsår (Kaplan–Meier)', bandFor: '95 % konfidensbånd for',
    movedIn: 'innflyttet {0}', monthsSince: 'måneder siden første innflytting', shareHoused: 'andel som fortsatt bor',
    curveNote: '{0} innflyttingskohorter; hendelse: boligen tapt uten ny bolig innen 14 dager; dødsfall og langvarig omsorg sensurert.',
    noData: 'Ingen data ennå: ingen i kommunen din har flyttet inn.',
    qolTitle: 'Livskvalitet: endring fra start til 12 måneder (WHOQOL-BREF, 0–100)', domain: 'område',
    meanChange: 'gjennomsnittlig endring', interval: '95 % KI', meanChangePoints: 'gjennomsnittlig endring (poeng)', to: 'til',
    qolDomains: { physical: 'fysisk helse', psychological: 'psykisk helse', social: 'sosiale relasjoner', environment: 'miljø' },
    fidelityTitle: 'Programmenes troskap mot Housing First (fidelity)', programme: 'program', scale: 'skala',
    assessed: 'vurdert', total: 'sum', ofMaximum: '% av maks', domains: 'snitt per område (1–4)',
    noFidelity: 'Ingen fidelity-vurdering registrert.', notCurrent: 'eldre enn 24 måneder',
    nationalTitle: 'Nasjonal statistikk: bostabilitet etter 12 måneder', region: 'region', release: 'publisering {0}',
    notReleased: 'ikke publisert ennå',
    indicatorsTitle: 'Nasjonale indikatorer', indicator: 'indikator',
    situationsTitle: 'Nye deltakere etter bostedsløshetssituasjon ved inntak, {0}', share: 'andel',
    symbols: ': skjult for å beskytte enkeltpersoner · . ingen deltakere · r revidert siden kvartalets første publisering · p foreløpig, ikke publisert ennå',
    failed: 'Kunne ikke hente alle tallene: {0}'
  }
};

// The language: ?lang= (the switch), else the browser's preferred languages (its Accept-Language), else English.
function chooseLanguage() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked && TEXTS[asked === 'no' ? 'nb' : asked]) {
    return { lang: asked === 'no' ? 'nb' : asked, source: 'switch' };
  }
  for (const preferred of navigator.languages || [navigator.language]) {
    const base = String(preferred).toLowerCase().split('-')[0];
    const code = base === 'no' || base === 'nn' ? 'nb' : base;
    if (TEXTS[code]) {
      return { lang: code, source: 'browser' };
    }
  }
  return { lang: 'en', source: 'default' };
}

const LANGUAGE = chooseLanguage();

function t(key, ...args) {
  const text = TEXTS[LANGUAGE.lang][key] ?? TEXTS.en[key];
  return typeof text === 'string' ? text.replace(/\{(\d)\}/g, (m, i) => String(args[Number(i)])) : text;
}
