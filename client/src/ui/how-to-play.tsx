/**
 * "How to play" on one screen, opened from the lobby: the goal, a turn, the four fronts, and where to look.
 * The lobby is drawn without a framework; `howToPlayLink` gives it a button that opens this dialog.
 */
import { render } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { h } from "../dom.ts";
import { t } from "../i18n.ts";

const FRONTS = ["controls", "chips", "power", "research"] as const;

function HowToPlay({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    const closed = () => onClose();
    dialog.addEventListener("close", closed);
    return () => dialog.removeEventListener("close", closed);
  }, []);
  return (
    <dialog ref={ref} class="how-to-play" id="how-to-play" aria-labelledby="how-heading">
      <h2 id="how-heading">{t("howTo.heading")}</h2>
      <p>{t("howTo.goal")}</p>
      <h3>{t("howTo.turnHeading")}</h3>
      <ol>
        <li>{t("howTo.turn1")}</li>
        <li>{t("howTo.turn2")}</li>
        <li>{t("howTo.turn3")}</li>
      </ol>
      <h3>{t("howTo.frontsHeading")}</h3>
      <ul>
        {FRONTS.map((front) => (
          <li key={front}>
            <strong>{t(`howTo.fronts.${front}.name`)}</strong>: {t(`howTo.fronts.${front}.text`)}
          </li>
        ))}
      </ul>
      <p>{t("howTo.tip")}</p>
      <form method="dialog">
        <button type="submit" class="primary" id="how-close">
          {t("howTo.close")}
        </button>
      </form>
    </dialog>
  );
}

/** A button for the lobby that opens the one-screen "how to play". */
export function howToPlayLink(): HTMLElement {
  const host = h("div");
  const button = h(
    "button",
    { type: "button", id: "how-to-play-open", class: "link-button" },
    t("howTo.open"),
  );
  button.addEventListener("click", () => {
    document.body.append(host);
    render(
      <HowToPlay
        onClose={() => {
          render(null, host);
          host.remove();
          button.focus();
        }}
      />,
      host,
    );
  });
  return button;
}
