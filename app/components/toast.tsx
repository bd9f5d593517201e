import { useEffect, useState } from "react";
import { t } from "~/messages";

type ToastData = { kind: "success" | "error" | "info"; text: string };

export function ToastMessage({ toast }: { toast: ToastData | null }) {
  const [visible, setVisible] = useState<ToastData | null>(toast);
  useEffect(() => setVisible(toast), [toast]);
  if (!visible) return null;
  return (
    <div
      className={`toast toast-${visible.kind}`}
      role={visible.kind === "error" ? "alert" : "status"}
    >
      <span>{visible.text}</span>
      <button
        type="button"
        className="toast-close"
        onClick={() => setVisible(null)}
        aria-label={t("toast.close")}
      >
        ×
      </button>
    </div>
  );
}
