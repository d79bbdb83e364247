/**
 * The facilitator's rejoin links: one per person who holds a side or watches, to hand to a student who lost
 * the seat (another device, a cleared browser). Each link carries that seat's token: it returns that person to
 * that seat only.
 */
import { h } from "../dom.ts";
import { t } from "../i18n.ts";
import { type Net, rejoinUrl } from "../net.ts";

export function seatLinksPanel(net: Net): HTMLElement {
  const list = h("ul", { class: "seat-links", id: "seat-links" });
  const show = async () => {
    const { seats } = await net.request("seatLinks");
    list.replaceChildren();
    if (seats.length === 0) list.append(h("li", {}, t("facilitator.noSeated")));
    for (const s of seats) {
      const url = rejoinUrl(s.seatToken);
      const field = h("input", {
        type: "text",
        readonly: true,
        value: url,
        "aria-label": t("facilitator.seatLinkFor", { name: s.name }),
      }) as HTMLInputElement;
      field.addEventListener("focus", () => field.select());
      list.append(h("li", {}, `${s.name} · ${t(`roles.${s.role}`)} `, field));
    }
  };
  return h(
    "details",
    {
      class: "seat-links-box",
      id: "seat-links-box",
      ontoggle: (e: Event) => {
        if ((e.target as HTMLDetailsElement).open) void show().catch(() => undefined);
      },
    },
    h("summary", {}, t("facilitator.seatLinks")),
    h("p", {}, t("facilitator.seatLinksHelp")),
    list,
  );
}
