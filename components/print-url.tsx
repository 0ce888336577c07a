"use client";
// The printed page's footer names the view's address, so a printout or PDF leads back to it.
// Read when printing starts (the address changes as filters change, without a reload).
import { useEffect, useState } from "react";

export function PrintUrl() {
  const [href, setHref] = useState("");
  useEffect(() => {
    const update = () => setHref(window.location.href);
    update();
    const print = window.matchMedia?.("print");
    window.addEventListener("beforeprint", update);
    print?.addEventListener("change", update);
    return () => { window.removeEventListener("beforeprint", update); print?.removeEventListener("change", update); };
  }, []);
  return <p className="print-only" data-print-url="">This view: {href}</p>;
}
