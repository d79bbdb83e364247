/**
 * German texts of the sources, keyed by source id: each event card's citation and the real event it echoes,
 * and the citations the rules give with a lever's outcome (keyed by the outcome).
 * The scenario files keep the English originals; the screen shows these to German readers. A card without an
 * entry here falls back to English, which the German browser test would catch.
 */
export interface SourceText {
  source: string;
  echo: string;
}

/** The citations the rules attach to lever outcomes, keyed by the outcome's event key. */
const REMOTE =
  "Kommentare von Kanzleien, Jan. 2026 (Remote Access Security Act vom Repräsentantenhaus mit 369 zu 22 Stimmen angenommen)";
const MINERALS =
  "Zusammenfassungen von Kanzleien, Dez. 2024 (Verbot von Gallium, Germanium und Antimon); MOFCOM-Bekanntmachung Nr. 70 von 2025 (Seltene Erden), ausgesetzt nach dem Treffen von Busan am 30. Okt. 2025";
const PERMITTING =
  "LBNL Queued Up 2024 (etwa 5 Jahre bis zum Netzanschluss); Dominion laut Bloomberg 2024 (4-7 Jahre für einen großen Anschluss)";

export const SOURCES_DE: { events: Record<string, SourceText>; citations: Record<string, string> } = {
  citations: {
    setPowerSubsidy:
      "FT, Nov. 2025 (bis zu 50 % Nachlass auf die Stromrechnung für Rechenzentren mit heimischen Chips)",
    "smuggleChips.caught":
      "Reuters/CNA 2025 (Serverbetrug in Singapur); CNAS 2025 (Countering AI Chip Smuggling, zum Chipschmuggel)",
    publishOpenModels:
      "Technischer Bericht zu DeepSeek-V3 (2024); Stanford AI Index 2025 (offene Modelle schließen die Lücke bei den Benchmarks)",
    "remoteAccess.bill": REMOTE,
    "remoteAccess.law": REMOTE,
    "host.appliesRemoteRule": REMOTE,
    "mineralBan.on": MINERALS,
    "mineralBan.off": MINERALS,
    "permittingReform.passed": PERMITTING,
    "permittingReform.failed": PERMITTING,
  },
  events: {
    deepseekShock: {
      source: "Technischer Bericht zu DeepSeek-V3 (2024)",
      echo: "DeepSeek-V3 (Dez. 2024) und R1 (Jan. 2025): etwa 2,79 Mio. H800-GPU-Stunden, etwa 5,6 Mio. $",
    },
    malaysiaPermits: {
      source: "Malaysisches Handelsministerium, Juli 2025",
      echo: "Malaysische Genehmigungspflicht für US-KI-Chips, ab Juli 2025",
    },
    singaporeFraud: {
      source: "Reuters/CNA, 2025",
      echo: "Betrugsfall in Singapur: Server für 390 Mio. $ nach Malaysia umgeleitet, drei Anklagen im Feb. 2025",
    },
    dataCentreMoratorium: {
      source: "Straits Times, Mai 2024",
      echo: "Singapurs Baustopp für Rechenzentren, 2019-22",
    },
    gridEmergencyUs: {
      source:
        "Bericht von FERC und NERC zu den Kälteausfällen im Februar 2021 in Texas und im mittleren Süden der USA (2021)",
      echo: "Wintersturm Uri, Texas, Februar 2021",
    },
    gridEmergencyChina: {
      source: "Reuters, Aug. 2022 (Sichuan verlängert die Stromabschaltungen für die Industrie)",
      echo: "Stromrationierung in Sichuan während der Hitzewelle im August 2022",
    },
    reformVote: {
      source: "LBNL Queued Up 2024 (etwa 2.600 GW in der Warteschlange, etwa 5 Jahre bis zum Anschluss)",
      echo: "Gesetzentwurf des US-Senats zur Genehmigungsreform im Energiebereich (2024), der nicht Gesetz wurde",
    },
    hbmShortage: {
      source: "SemiAnalysis, Sep. 2025; Zusammenfassungen von Kanzleien zum Paket vom Dez. 2024",
      echo: "HBM-Exportkontrollen (Dez. 2024) und der erwartete Rückgang von Huaweis Ausstoß auf etwa 300.000 im Jahr 2026",
    },
    newNvidiaGeneration: {
      source: "Datenblätter von Nvidia B200 und H100 (dicht, BF16), wie in sources.md tabelliert",
      echo: "Blackwell B200: etwa 2,3 H100e bei 1 kW, gegenüber 989 TFLOPS des H100 bei 700 W",
    },
    taiwanCrisis: {
      source: "Reuters, Aug. 2022 (Chinas Militärmanöver umschließen Taiwan)",
      echo: "Manöver der Volksbefreiungsarmee um Taiwan, August 2022; Spitzenchips entstehen in ausländischen (taiwanischen) Fabriken",
    },
    yieldBreakthrough: {
      source: "FT über DIGITIMES Asia, Feb. 2025; SemiAnalysis 2025",
      echo: "Ausbeute des Ascend 910C bei fast 40 % gemeldet, gegenüber anderswo geschätzten etwa 30 %",
    },
    exportLicenceShock: {
      source: "Reuters, Apr. 2025; Quartalszahlen von Nvidia, Aug. 2025",
      echo: "Lizenzpflicht für den H20, April 2025 (Nvidia schrieb 5,5 Mrd. $ ab); Verkäufe ab August gegen 15 % des Umsatzes wieder erlaubt",
    },
    chinaCancelsOrders: {
      source: "FT, Sep. 2025",
      echo: "Anordnung der Regulierungsbehörde, Bestellungen des RTX Pro 6000D zu stornieren, September 2025",
    },
    mineralsBan: {
      source: "Zusammenfassungen von Kanzleien, Dez. 2024",
      echo: "Chinas Exportverbot für Gallium, Germanium und Antimon als Antwort auf das US-Paket vom Dez. 2024",
    },
    chinaSolarRecord: {
      source: "Chinesische Energiebehörde NEA; CPIA, 2025",
      echo: "China baute 2024 277 GW Solar- und 80 GW Windkraft zu; 2025 315 GW und 119 GW",
    },
    remoteAccessBill: {
      source: "Kommentare von Kanzleien, Jan. 2026",
      echo: "Remote Access Security Act vom Repräsentantenhaus mit 369 zu 22 Stimmen angenommen, Januar 2026",
    },
    diffusionRule: {
      source: "CSIS; Zusammenfassungen von Kanzleien, 2025",
      echo: "AI Diffusion Rule, erlassen im Jan. 2025 und im Mai 2025 zurückgenommen (Obergrenze von etwa 50.000 H100e je Land der zweiten Stufe)",
    },
    johorBoom: {
      source: "Cushman & Wakefield; Knight Frank, 2025",
      echo: "Johor: etwa 400 MW in Betrieb 2024, 5,8 GW samt geplanter Projekte 2025, 1,1 % Leerstand",
    },
    indonesiaBuildOut: {
      source: "Indonesisches Ministerium für Kommunikation und Digitales, Juni 2025 (über Bernama-Xinhua)",
      echo: "Indonesien: 290 MW in Betrieb, 900 MW bis Ende 2025 angestrebt",
    },
    hardDrivesExposed: {
      source: "WSJ, Juni 2025",
      echo: "80 TB auf Festplatten nach Malaysia geflogen, um auf etwa 300 gemieteten Servern zu trainieren",
    },
    localOppositionWave: {
      source: "LBNL Queued Up 2024",
      echo: "Nur etwa 14 % der Projekte in den Netzanschluss-Warteschlangen der USA werden gebaut",
    },
  },
};
