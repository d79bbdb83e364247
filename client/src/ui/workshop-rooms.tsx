/**
 * The workshop console's live part: a card per room (join code, link, QR code, turn, who holds each side and
 * who has confirmed) and the results of the finished rooms. It follows a signal that the console sets whenever
 * a room changes; Preact then changes only the texts that differ, so a redraw never moves the teacher's focus
 * (on a room's link, say) or makes a QR code load again.
 */
import type { ReadonlySignal } from "@preact/signals";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Outcome } from "../../../shared/rules/index.ts";
import { money, num, t } from "../i18n.ts";
import { joinUrl, playerLabel, type RoomMeta } from "../net.ts";

/** What the console knows of a room. */
export interface RoomCardData {
  code: string;
  meta?: RoomMeta;
  problem?: string;
  outcome?: Outcome;
}

interface RoomsProps {
  rooms: ReadonlySignal<readonly RoomCardData[]>;
  /** The room's join link as a QR code (an image address), made once per room. */
  qrCode: (code: string) => Promise<string>;
}

function stateText({ meta: m, outcome, problem }: RoomCardData): string {
  if (outcome)
    return t("workshop.outcome", { winner: t(`sides.${outcome.winner}`), lead: num(outcome.leadMonths, 1) });
  if (!m) return problem ?? t("workshop.connecting");
  if (m.phase === "ended") return t("match.ended");
  // A paused room still shows where it is.
  const turn = t("match.turn", { turn: m.turn + 1, turns: m.turns, label: m.label });
  if (m.phase === "paused") return `${turn} · ${t("match.paused")}`;
  if (m.phase === "waiting") return `${turn} · ${t("match.waiting")}`;
  return turn;
}

function Side({ meta, side }: { meta?: RoomMeta; side: "us" | "china" }) {
  const names = (meta?.players ?? []).filter((p) => p.role === side).map(playerLabel);
  const confirmed = side === "us" ? meta?.usConfirmed : meta?.chinaConfirmed;
  return (
    <li class={confirmed ? "confirmed" : ""}>
      <strong>{t(`sides.${side}`)}</strong> {names.length > 0 ? names.join(", ") : t("workshop.nobody")}
      {confirmed ? ` · ${t("workshop.confirmed")}` : ""}
    </li>
  );
}

function QrCode({ code, qrCode }: { code: string; qrCode: RoomsProps["qrCode"] }) {
  const [src, setSrc] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void qrCode(code).then((made) => live && setSrc(made));
    return () => {
      live = false;
    };
  }, [code, qrCode]);
  return (
    <img class="qr" alt={t("workshop.qrAlt", { url: joinUrl(code) })} width={132} height={132} src={src} />
  );
}

function RoomCard({ room, qrCode }: { room: RoomCardData; qrCode: RoomsProps["qrCode"] }) {
  const { code } = room;
  return (
    <article class="card room" id={`room-${code}`} aria-label={t("match.code", { code })}>
      <h3 class="code">{code}</h3>
      <QrCode code={code} qrCode={qrCode} />
      <p>
        <a href={joinUrl(code)} target="_blank" rel="noopener">
          {joinUrl(code)}
        </a>
      </p>
      <p class="room-state">{stateText(room)}</p>
      <ul class="sides">
        <Side meta={room.meta} side="us" />
        <Side meta={room.meta} side="china" />
      </ul>
      <p>
        <a href={`/?code=${code}&facilitator=1`} target="_blank" rel="noopener" class="open-room">
          {t("workshop.openRoom")}
        </a>
      </p>
    </article>
  );
}

/** The finished rooms side by side, for the closing discussion: who won, by how much, at what cost. */
function Results({ rooms }: { rooms: readonly RoomCardData[] }) {
  const done = rooms.filter((r): r is RoomCardData & { outcome: Outcome } => r.outcome !== undefined);
  if (done.length === 0) return null;
  const head = [
    t("workshop.table.room"),
    t("workshop.table.winner"),
    t("workshop.table.lead"),
    `${t("debrief.spent")} (${t("sides.us")})`,
    `${t("debrief.spent")} (${t("sides.china")})`,
    `${t("debrief.emissions")} (${t("sides.us")})`,
    `${t("debrief.emissions")} (${t("sides.china")})`,
    t("workshop.table.tension"),
  ];
  return (
    <>
      <h3 id="ws-results-heading">{t("workshop.table.heading")}</h3>
      <table class="ws-results">
        <thead>
          <tr>
            {head.map((text) => (
              <th key={text} scope="col">
                {text}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {done.map(({ code, outcome: o }) => (
            <tr key={code}>
              <th scope="row">{code}</th>
              <td>{t(`sides.${o.winner}`)}</td>
              <td>{`${num(o.leadMonths, 1)} / ${num(o.thresholdMonths, 1)}`}</td>
              <td>{money(o.scores.us.spent)}</td>
              <td>{money(o.scores.china.spent)}</td>
              <td>{`${num(o.scores.us.emissionsMt, 0)} Mt`}</td>
              <td>{`${num(o.scores.china.emissionsMt, 0)} Mt`}</td>
              <td>{num(o.peakTension, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Rooms({ rooms, qrCode }: RoomsProps) {
  const list = rooms.value;
  const ended = list.filter((r) => r.meta?.phase === "ended" || r.outcome).length;
  return (
    <>
      <p id="workshop-summary" aria-live="polite">
        {t("workshop.summary", { rooms: list.length, ended })}
      </p>
      <div class="rooms" id="workshop-rooms">
        {list.map((room) => (
          <RoomCard key={room.code} room={room} qrCode={qrCode} />
        ))}
      </div>
      <section id="workshop-results" aria-labelledby="ws-results-heading">
        <Results rooms={list} />
      </section>
    </>
  );
}

/** Draws the room cards and results into `box`; they follow `rooms` from then on. */
export function mountRooms(box: HTMLElement, props: RoomsProps): void {
  render(<Rooms {...props} />, box);
}

export function unmountRooms(box: HTMLElement): void {
  render(null, box);
}
