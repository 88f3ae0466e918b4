// Go client (Go 1.19: no tls.VersionName yet) for scripts/capture-clienthello.py: crypto/tls with its defaults, certificate
// checks off (they do not change the ClientHello). Build offline: go build go_client.go
// Usage: go_client PORT
package main

import (
	"crypto/tls"
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	d := &net.Dialer{Timeout: 10 * time.Second}
	c, err := tls.DialWithDialer(d, "tcp", "127.0.0.1:"+os.Args[1], &tls.Config{InsecureSkipVerify: true})
	if err != nil {
		fmt.Println("failed", err)
		os.Exit(1)
	}
	st := c.ConnectionState()
	names := map[uint16]string{tls.VersionTLS10: "TLSv1.0", tls.VersionTLS11: "TLSv1.1", tls.VersionTLS12: "TLSv1.2", tls.VersionTLS13: "TLSv1.3"}
	fmt.Println("connected", names[st.Version], tls.CipherSuiteName(st.CipherSuite))
	c.Close()
}
