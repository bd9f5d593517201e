import {
  Body,
  Button,
  Container,
  Head,
  Html,
  Preview,
  render,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";

// Email markup with React Email: a single column, inline styles, readable without images.
export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="de">
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{
          margin: 0,
          background: "#f4f6f8",
          fontFamily: "Arial, Helvetica, sans-serif",
          color: "#1b2733",
        }}
      >
        <Container
          style={{
            maxWidth: 560,
            margin: "24px auto",
            background: "#ffffff",
            borderRadius: 8,
            padding: "24px 28px",
            fontSize: 16,
            lineHeight: 1.5,
          }}
        >
          <Text style={{ fontSize: 20, fontWeight: 700, color: "#0b5563", margin: "0 0 16px" }}>
            Lotse
          </Text>
          {children}
        </Container>
      </Body>
    </Html>
  );
}

export function EmailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "24px 0" }}>
      <Button
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
      </Button>
    </Section>
  );
}

/** The email's HTML (React Email's renderer). */
export function renderEmail(element: ReactNode): Promise<string> {
  return render(element);
}
