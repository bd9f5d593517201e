import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";

// Email markup: inline styles only, a single column, readable without images.
export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <html lang="de">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width" />
        <title>{preview}</title>
      </head>
      <body
        style={{
          margin: 0,
          background: "#f4f6f8",
          fontFamily: "Arial, Helvetica, sans-serif",
          color: "#1b2733",
        }}
      >
        <div style={{ display: "none" }}>{preview}</div>
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0}>
          <tbody>
            <tr>
              <td style={{ padding: "24px 12px" }}>
                <table
                  role="presentation"
                  width="100%"
                  style={{
                    maxWidth: 560,
                    margin: "0 auto",
                    background: "#ffffff",
                    borderRadius: 8,
                  }}
                >
                  <tbody>
                    <tr>
                      <td style={{ padding: "24px 28px", fontSize: 16, lineHeight: 1.5 }}>
                        <p
                          style={{
                            fontSize: 20,
                            fontWeight: 700,
                            color: "#0b5563",
                            margin: "0 0 16px",
                          }}
                        >
                          Lotse
                        </p>
                        {children}
                      </td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}

export function EmailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p style={{ margin: "24px 0" }}>
      <a
        href={href}
        style={{
          background: "#0b5563",
          color: "#ffffff",
          padding: "12px 20px",
          borderRadius: 6,
          textDecoration: "none",
          fontWeight: 700,
        }}
      >
        {children}
      </a>
    </p>
  );
}

export function renderEmail(element: ReactNode): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(element)}`;
}
