/* Test fixture, never shipped: a stand-in bcryptprimitives.dll for Debian's Wine 8.
 *
 * Rust's standard library gets random bytes (for HashMap seeds) from ProcessPrng in
 * bcryptprimitives.dll, which Windows 10 and 11 have and Wine 8 lacks, so without this every
 * Rust program stops at start under that Wine. This DLL exports ProcessPrng and fills the
 * buffer through SystemFunction036 (RtlGenRandom) from advapi32, which Wine has. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    /* RtlGenRandom takes a 32-bit length: fill a larger buffer in pieces. */
    while (length > 0) {
        ULONG piece = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, piece))
            return FALSE;
        data += piece;
        length -= piece;
    }
    return TRUE;
}
