/**
 * The map's own texts in English and German, added to the translations under `map.` when the map chunk
 * loads (so that they travel with the map and not with the lobby's first download).
 */
import i18next from "i18next";

const en = {
  label: "World map: {{summary}}",
  summary: "US lead {{months}} months; export controls: {{level}}",
  legend: {
    title: "Legend",
    capability: "Capability (circle grows with it)",
    exports: "US chips to China (while allowed)",
    lease: "China's compute leased in a host",
    host: "Host country (ring grows with its openness)",
    remote: "Applies the US remote-access rule",
    estimate: "an estimate of your intelligence",
  },
  hosts: "Host countries: open one to see its levers",
  reduceMotion: "Reduce motion",
  hint: "Hover or focus a place for its figures; click a host to open its levers.",
  tip: {
    capability: "Best training run: 10^{{value}} FLOP",
    computeHome: "Compute at home (H100e): {{value}}",
    computeAbroad: "Compute leased abroad (H100e): {{value}}",
    power: "Power plants built (nameplate): {{value}}",
    firmPower: "Firm power generation: {{value}}",
    halls: "Data-centre halls: {{value}}",
    powered: "Share of chips powered: {{value}}",
    controls: "Export controls: {{value}}",
    capacity: "Data-centre capacity: {{value}}",
    openness: "Openness to Chinese customers: {{value}}",
    strictness: "Permit enforcement: {{value}}",
    leases: "China's leases here (H100e): {{value}}",
    leasesArriving: "Signed this turn: {{value}} H100e (running from next turn)",
    leasesSecret: "China's leases here: secret",
    goodwill: "Goodwill: US {{us}}, China {{china}}",
    remoteRule: "Applies the US remote-access rule",
    ruleMay: "The US has more goodwill here: the host may apply the remote-access rule",
    ruleWillNot: "China has as much goodwill here or more: the host does not apply the remote-access rule",
    openLevers: "Click to open this host's levers",
    estimate: "≈{{value}} (95%: {{low}} to {{high}})",
    confirmed: "{{value}} (confirmed)",
  },
  moved: {
    title: "What moved this turn",
    shipped: "{{value}} H100e of US chips shipped to China",
    smuggled: "{{value}} H100e smuggled into China",
    made: "{{value}} H100e made in China",
    bought: "{{value}} H100e bought by the US",
    leaseOpened: "China leased {{value}} H100e in {{host}}",
    leaseCut: "China's leases in {{host}} fell by {{value}} H100e",
    leaseFound: "A lease of China's in {{host}} was found: {{value}} H100e",
    power: "{{side}}: power plants +{{value}}",
    halls: "{{side}}: data-centre halls +{{value}}",
    hostHalls: "The US co-funded {{value}} of data-centre halls in {{host}}",
    tightened: "Export controls tightened: {{level}}",
    loosened: "Export controls loosened: {{level}}",
    remoteRule: "{{host}} now applies the remote-access rule",
    nothing: "Nothing you can see moved.",
  },
};

type Strings = typeof en;

/** German, with the same keys as English (the type makes a missing one a compile error). */
const de: Strings = {
  label: "Weltkarte: {{summary}}",
  summary: "Vorsprung der USA {{months}} Monate; Exportkontrollen: {{level}}",
  legend: {
    title: "Legende",
    capability: "Fähigkeit (der Kreis wächst mit ihr)",
    exports: "US-Chips nach China (solange erlaubt)",
    lease: "Von China in einem Gastland gemietete Rechenleistung",
    host: "Gastland (der Ring wächst mit seiner Offenheit)",
    remote: "Wendet die US-Fernzugriffsregel an",
    estimate: "eine Schätzung deiner Aufklärung",
  },
  hosts: "Gastländer: öffne eines, um seine Hebel zu sehen",
  reduceMotion: "Bewegung reduzieren",
  hint: "Zeige auf einen Ort oder fokussiere ihn für seine Zahlen; klicke auf ein Gastland für seine Hebel.",
  tip: {
    capability: "Bester Trainingslauf: 10^{{value}} FLOP",
    computeHome: "Rechenleistung im Inland (H100e): {{value}}",
    computeAbroad: "Im Ausland gemietete Rechenleistung (H100e): {{value}}",
    power: "Gebaute Kraftwerke (Nennleistung): {{value}}",
    firmPower: "Gesicherte Stromerzeugung: {{value}}",
    halls: "Rechenzentrumshallen: {{value}}",
    powered: "Anteil der Chips mit Strom: {{value}}",
    controls: "Exportkontrollen: {{value}}",
    capacity: "Rechenzentrumskapazität: {{value}}",
    openness: "Offenheit für chinesische Kunden: {{value}}",
    strictness: "Durchsetzung der Genehmigungen: {{value}}",
    leases: "Chinas Mieten hier (H100e): {{value}}",
    leasesArriving: "In dieser Runde unterschrieben: {{value}} H100e (laufen ab der nächsten Runde)",
    leasesSecret: "Chinas Mieten hier: geheim",
    goodwill: "Wohlwollen: USA {{us}}, China {{china}}",
    remoteRule: "Wendet die US-Fernzugriffsregel an",
    ruleMay: "Die USA haben hier mehr Wohlwollen: Das Gastland kann die Fernzugriffsregel anwenden",
    ruleWillNot:
      "China hat hier mindestens so viel Wohlwollen: Das Gastland wendet die Fernzugriffsregel nicht an",
    openLevers: "Klicken öffnet die Hebel dieses Gastlands",
    estimate: "≈{{value}} (95 %: {{low}} bis {{high}})",
    confirmed: "{{value}} (bestätigt)",
  },
  moved: {
    title: "Was sich in dieser Runde bewegt hat",
    shipped: "{{value}} H100e an US-Chips nach China geliefert",
    smuggled: "{{value}} H100e nach China geschmuggelt",
    made: "{{value}} H100e in China hergestellt",
    bought: "{{value}} H100e von den USA gekauft",
    leaseOpened: "China hat {{value}} H100e in {{host}} gemietet",
    leaseCut: "Chinas Mieten in {{host}} sind um {{value}} H100e gesunken",
    leaseFound: "Eine Miete Chinas in {{host}} wurde entdeckt: {{value}} H100e",
    power: "{{side}}: Kraftwerke +{{value}}",
    halls: "{{side}}: Rechenzentrumshallen +{{value}}",
    hostHalls: "Die USA haben {{value}} Rechenzentrumshallen in {{host}} mitfinanziert",
    tightened: "Exportkontrollen verschärft: {{level}}",
    loosened: "Exportkontrollen gelockert: {{level}}",
    remoteRule: "{{host}} wendet jetzt die Fernzugriffsregel an",
    nothing: "Nichts, was du sehen kannst, hat sich bewegt.",
  },
};

export const MAP_STRINGS = { en, de } as const;

/** Adds the map's texts to the running translations (once; later calls change nothing). */
export function addMapStrings(): void {
  for (const [lng, strings] of Object.entries(MAP_STRINGS))
    if (i18next.getResource(lng, "translation", "map.label") === undefined)
      i18next.addResourceBundle(lng, "translation", { map: strings }, true, false);
}
