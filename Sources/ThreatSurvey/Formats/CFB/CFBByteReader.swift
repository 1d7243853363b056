/// Little-endian integers read from a byte array, zero past its end.
///
/// The binary containers (Compound File, Outlook property streams) read fixed-width fields at
/// offsets computed from input; reading zero past the end, instead of trapping, keeps a
/// truncated file from crashing the reader, and the callers' size checks report it.
struct CFBByteReader {
    let bytes: [UInt8]

    func u8(_ offset: Int) -> UInt8 {
        offset >= 0 && offset < bytes.count ? bytes[offset] : 0
    }

    func u16(_ offset: Int) -> UInt16 {
        UInt16(u8(offset)) | UInt16(u8(offset + 1)) << 8
    }

    func u32(_ offset: Int) -> UInt32 {
        UInt32(u16(offset)) | UInt32(u16(offset + 2)) << 16
    }

    func u64(_ offset: Int) -> UInt64 {
        UInt64(u32(offset)) | UInt64(u32(offset + 4)) << 32
    }
}
